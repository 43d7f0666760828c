package hk.smartid.portal.login;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Pages that need an identity checked in person (the staff console, the developer area where a resident acts for a
 * business, the approvers' pages; later, services marked verified).
 * The login for them asks the IdP for {@code acr_values=loa-verified}; a person whose identity is only
 * self-declared is shown how to get verified instead of an error.
 */
@WebFilter({VerifiedOnlyFilter.STAFF_PAGES, VerifiedOnlyFilter.DEVELOPER_PAGES, VerifiedOnlyFilter.APPROVER_PAGES})
public class VerifiedOnlyFilter extends HttpFilter {

    static final String VERIFIED = "loa-verified";
    static final String STAFF_PAGES = "/staff/*";
    static final String DEVELOPER_PAGES = "/developers/*";
    static final String APPROVER_PAGES = "/approvals/*";
    private static final long serialVersionUID = 1L;

    @Inject
    SignedInResident signedInResident;

    static boolean needsVerifiedIdentity(String servletPath) {
        return servletPath != null && (servletPath.startsWith("/staff/") || servletPath.startsWith("/developers/")
                || servletPath.startsWith("/approvals/"));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (signedInResident.isLoggedIn() && !VERIFIED.equals(signedInResident.getAssuranceLevel())) {
            response.sendRedirect(request.getContextPath() + "/verification-needed");
            return;
        }
        chain.doFilter(request, response);
    }
}
