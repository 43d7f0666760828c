package hk.smartid.portal.idp;

import hk.smartid.portal.login.SignedInResident;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;

/**
 * What every page does with the IdP's answers that end an action the same way everywhere: a login that is over
 * ends the portal session and sends the person to log in again, a step-up to log in again with the IdP's {@code max_age}, both coming back to
 * the page they were on; a refusal or an unreachable IdP is said at the top of the page, in the reader's language.
 * Pages call these before rendering (an action, or {@code preRenderView}), when a redirect can still be sent.
 */
public final class IdpOutcomes {

    private IdpOutcomes() {
    }

    /**
     * Sends the person to log in again if {@code result} asks for it, then back to {@code returnPath} (a path of
     * the portal, e.g. {@code /passkeys}); true if it did.
     */
    public static boolean sentToLogin(IdpResult<?> result, String returnPath) {
        if (result instanceof IdpResult.LoginOver) {
            // The IdP no longer honours this login: end the portal's too, or /login would find it and send the
            // person straight back here.
            CDI.current().select(SignedInResident.class).get().endPortalSession();
            redirect("/login?return=" + returnPath);
            return true;
        }
        if (result instanceof IdpResult.StepUpRequired<?> stepUp) {
            // The IdP names its limit (a realm setting); without one, only a login made now is sure to do.
            redirect("/login?max_age=" + stepUp.maxAge() + "&return=" + returnPath);
            return true;
        }
        return false;
    }

    /**
     * {@link #sentToLogin}, else for a refusal ({@link IdpResult.Forbidden}) or an unreachable IdP
     * ({@link IdpResult.Unavailable}) the page's message with this key at the top; true if it handled the result.
     */
    public static boolean handled(IdpResult<?> result, String returnPath, String forbiddenKey, String unavailableKey) {
        if (sentToLogin(result, returnPath)) {
            return true;
        }
        if (result instanceof IdpResult.Forbidden) {
            message(forbiddenKey);
            return true;
        }
        if (result instanceof IdpResult.Unavailable) {
            message(unavailableKey);
            return true;
        }
        return false;
    }

    /** A message of the portal's bundle, in the reader's language, at the top of the page. */
    public static void message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle.getString(key), null));
    }

    private static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
