package hk.smartid.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Adds browser security headers to every response of the portal (pages, resources and error pages).
 *
 * <p>The Content-Security-Policy is deliberately limited to directives that cannot break Faces or PrimeFaces
 * (which render inline scripts and event handlers unless PrimeFaces' nonce support, {@code primefaces.CSP},
 * is enabled): no framing, no plugins, no {@code <base>} pointing elsewhere. {@code form-action} is not
 * restricted because the logout POST may redirect to the identity provider, and Chromium applies
 * {@code form-action} to redirects.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        setHeaders(response);
        chain.doFilter(request, response);
    }

    static void setHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
