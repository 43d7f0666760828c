package hk.smartid.portal.staff;

import hk.smartid.portal.idp.IdpOutcomes;
import hk.smartid.portal.idp.IdpResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What every page action of the console shares: messages in the reader's language (at the top or next to a
 * field) and the answers of the API that end the action the same way everywhere (login over, step-up, refused,
 * IdP unreachable).
 */
@Named
@RequestScoped
public class StaffConsole {

    /** Where the console lives; also where a login sends staff back to. */
    static final String HOME = "/staff/";
    static final String FALLBACK_FIELD_KEY = "staff.error.field";

    /** The messages for the top of the page ({@code data-testid="staff-message"}). */
    public List<String> getTopMessages() {
        return FacesContext.getCurrentInstance().getMessageList(null).stream().map(FacesMessage::getSummary).toList();
    }

    /** Whether the component {@code clientId} has a message, to mark it invalid and describe it by its error. */
    public boolean hasError(String clientId) {
        return !FacesContext.getCurrentInstance().getMessageList(clientId).isEmpty();
    }

    static void topMessage(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(faces, key), null));
    }

    static void fieldError(String clientId, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(faces, key), null));
        faces.validationFailed();
    }

    /** A key of the portal bundle in the reader's language; an unknown key gives a general "check this field". */
    static String text(FacesContext faces, String key) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException | NullPointerException e) {
            return bundle.getString(FALLBACK_FIELD_KEY);
        }
    }

    /**
     * Ends the action for the outcomes every call can have (login over, step-up, refused, IdP unreachable), as
     * every page of the portal does; returns false for the call-specific ones, which the caller handles.
     */
    static boolean handledCommonOutcome(IdpResult<?> result) {
        return IdpOutcomes.handled(result, HOME, "staff.error.forbidden", "staff.error.unavailable");
    }
}
