package hk.smartid.portal.login;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * "Log in with SmartID". The URL is protected in web.xml, so a visitor is sent to the IdP by
 * {@link OidcLoginMechanism}; one who is already logged in goes on to where they were heading.
 */
@WebServlet(LoginServlet.PATH)
public class LoginServlet extends HttpServlet {

    static final String PATH = "/login";
    private static final long serialVersionUID = 1L;
    /** A path on this portal only: never another host (no "//", no backslash, no scheme). */
    private static final Pattern PORTAL_PATH = Pattern.compile("/[A-Za-z0-9/_.-]*");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(returnPath(request));
    }

    /** The {@code return} parameter if it is a path on this portal, else the dashboard. */
    static String returnPath(HttpServletRequest request) {
        String back = request.getParameter("return");
        boolean onPortal = back != null && PORTAL_PATH.matcher(back).matches() && !back.startsWith("//");
        return request.getContextPath() + (onPortal ? back : "/dashboard");
    }
}
