package hk.smartid.portal.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends an Ajax request that failed to the friendly error page, as web.xml's {@code <error-page>} does for a full
 * page. Without it Faces answers an Ajax request with an {@code <error>} naming the exception class (e.g. a forged
 * or expired view state's {@code ViewExpiredException}) and its message, which the page's script then shows. The
 * redirect carries only which message to show ({@link ErrorReason#fromQuery}); the exception stays in the log.
 * Registered in faces-config.xml.
 */
public class AjaxErrorHandlerFactory extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(AjaxErrorHandlerFactory.class.getName());

    public AjaxErrorHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new AjaxErrorHandler(getWrapped().getExceptionHandler());
    }

    static final class AjaxErrorHandler extends ExceptionHandlerWrapper {

        AjaxErrorHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> unhandled = getUnhandledExceptionQueuedEvents().iterator();
            if (faces == null || !faces.getPartialViewContext().isAjaxRequest() || !unhandled.hasNext()
                    || faces.getExternalContext().isResponseCommitted()) {
                getWrapped().handle();
                return;
            }
            Throwable failure = unhandled.next().getContext().getException();
            String reason = ErrorReason.reasonFor(null, failure);
            if ("expired".equals(reason)) {
                LOG.fine(() -> "An Ajax request's view state is unknown (expired or forged): " + failure.getMessage());
            } else {
                LOG.log(Level.WARNING, "An Ajax request failed", failure);
            }
            unhandled.remove();
            while (unhandled.hasNext()) {
                unhandled.next();
                unhandled.remove();
            }
            ExternalContext external = faces.getExternalContext();
            try {
                external.responseReset();
                // In an Ajax request this writes Faces' <partial-response><redirect url="..."/>.
                external.redirect(external.getRequestContextPath() + ErrorReason.PAGE + "?" + ErrorReason.QUERY_PARAMETER
                        + "=" + reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not send a failed Ajax request to the error page", e);
            }
            faces.responseComplete();
        }
    }
}
