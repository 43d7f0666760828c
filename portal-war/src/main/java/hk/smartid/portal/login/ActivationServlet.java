package hk.smartid.portal.login;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * "Activate your SmartID", the link on a counter's activation slip. {@link OidcLoginMechanism} sends a
 * visitor to the IdP's activation page before this runs; only someone already logged in reaches it.
 */
@WebServlet(OidcLoginMechanism.ACTIVATION_PATH)
public class ActivationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/dashboard");
    }
}
