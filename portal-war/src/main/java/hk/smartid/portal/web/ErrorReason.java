package hk.smartid.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * Which friendly message the error page shows: {@code 400}, {@code 403}, {@code 404}, {@code 500},
 * {@code expired} (the Faces view expired, usually after the session timed out) or {@code generic}.
 * Never exposes the exception itself, and never fails: anything unexpected gives {@code generic}.
 */
@Named
@RequestScoped
public class ErrorReason {

    /** Where web.xml and {@link AjaxErrorHandlerFactory} send errors. */
    static final String PAGE = "/error.xhtml";
    /** The reason given to the page in its address after an Ajax request failed; only {@link #FROM_QUERY} values count. */
    static final String QUERY_PARAMETER = "reason";
    private static final java.util.Set<String> FROM_QUERY = java.util.Set.of("expired", "500");

    private String reason;

    /** {@code 400}, {@code 403}, {@code 404}, {@code 500}, {@code expired} or {@code generic}. */
    public String getReason() {
        if (reason == null) {
            try {
                FacesContext faces = FacesContext.getCurrentInstance();
                if (faces == null) {
                    reason = "generic";
                } else {
                    Object status = faces.getExternalContext().getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE);
                    Object exception = faces.getExternalContext().getRequestMap().get(RequestDispatcher.ERROR_EXCEPTION);
                    reason = status == null && exception == null
                            ? fromQuery(faces.getExternalContext().getRequestParameterMap().get(QUERY_PARAMETER))
                            : reasonFor(status, exception);
                }
            } catch (RuntimeException e) {
                reason = "generic";
            }
        }
        return reason;
    }

    /** Bundle key of the heading, e.g. {@code error.404.title}. */
    public String getTitleKey() {
        return "error." + getReason() + ".title";
    }

    /** Bundle key of the explanation, e.g. {@code error.404.body}. */
    public String getBodyKey() {
        return "error." + getReason() + ".body";
    }

    /** The reason an Ajax error redirect named ({@code expired} or {@code 500}); anything else gives {@code generic}. */
    static String fromQuery(String value) {
        return value != null && FROM_QUERY.contains(value) ? value : "generic";
    }

    static String reasonFor(Object statusCode, Object exception) {
        for (Throwable t = exception instanceof Throwable ? (Throwable) exception : null, previous = null;
                t != null && t != previous; previous = t, t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return "expired";
            }
        }
        if (statusCode instanceof Integer) {
            switch ((Integer) statusCode) {
                case 400:
                    return "400";
                case 401:
                case 403:
                    return "403";
                case 404:
                    return "404";
                case 500:
                    return "500";
                default:
                    return "generic";
            }
        }
        return exception != null ? "500" : "generic";
    }
}
