package hk.smartid.portal.login;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * The redirect URI registered with the IdP. {@link OidcLoginMechanism} has already checked the answer
 * and logged the resident in before this runs; it only sends them on to the page they wanted.
 */
@WebServlet(LoginCallbackServlet.PATH)
public class LoginCallbackServlet extends HttpServlet {

    static final String PATH = "/callback";
    static final String RETURN_TO = LoginCallbackServlet.class.getName() + ".returnTo";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (request.getUserPrincipal() == null || session == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Object returnTo = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        // Only ever a path on this portal, set by the mechanism: never an address from the request.
        response.sendRedirect(returnTo instanceof String path && path.startsWith("/") && !path.startsWith("//")
                ? path : request.getContextPath() + "/dashboard");
    }
}
