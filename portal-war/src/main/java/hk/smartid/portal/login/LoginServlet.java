package hk.smartid.portal.login;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * "Log in with SmartID". The URL is protected in web.xml, so a visitor is sent to the IdP by
 * {@link OidcLoginMechanism}; one who is already logged in goes straight to the dashboard.
 */
@WebServlet(LoginServlet.PATH)
public class LoginServlet extends HttpServlet {

    static final String PATH = "/login";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/dashboard");
    }
}
