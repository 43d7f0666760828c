package hk.smartid.portal.passkeys;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.idp.IdpClient;
import hk.smartid.portal.idp.IdpOutcomes;
import hk.smartid.portal.idp.IdpResult;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * "My passkeys": the resident's passkeys at the IdP, with when each last logged them in, and removal. The last one goes only with an explicit
 * confirmation that they will then need a counter visit; adding one happens at the IdP ({@code /passkeys/add}).
 */
@Named
@ViewScoped
public class MyPasskeys implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PATH = "passkeys";
    private static final String PAGE = "/passkeys";

    @Inject
    IdpClient idp;

    private List<Passkey> passkeys;
    private boolean lastOneConfirmed;

    public List<Passkey> getPasskeys() {
        if (passkeys == null) {
            IdpResult<PasskeysBody> answer = idp.get(PATH, Map.of(), PasskeysBody.class);
            if (answer instanceof IdpResult.Success<PasskeysBody> success) {
                passkeys = success.value().passkeys == null ? List.of()
                        : success.value().passkeys.stream().map(MyPasskeys::passkey).toList();
            } else {
                passkeys = List.of();
                if (!IdpOutcomes.handled(answer, PAGE, "idp.forbidden", "passkeys.unavailable")) {
                    message("passkeys.unavailable");
                }
            }
        }
        return passkeys;
    }

    /** Before the page renders ({@code preRenderView}): asks the IdP while a login can still be asked for. */
    public void load() {
        getPasskeys();
    }

    public void remove(String passkeyId) {
        IdpResult<Void> answer = idp.delete(PATH + "/" + IdpClient.pathSegment(passkeyId),
                Map.of("lastOneConfirmed", lastOneConfirmed));
        lastOneConfirmed = false;
        if (IdpOutcomes.sentToLogin(answer, PAGE)) {
            return;
        }
        message(answer instanceof IdpResult.Success ? "passkeys.removed"
                : answer instanceof IdpResult.Conflict ? "passkeys.lastOne"
                : answer instanceof IdpResult.Forbidden ? "idp.forbidden" : "passkeys.unavailable");
        passkeys = null;
    }

    public boolean isLastOneConfirmed() {
        return lastOneConfirmed;
    }

    public void setLastOneConfirmed(boolean lastOneConfirmed) {
        this.lastOneConfirmed = lastOneConfirmed;
    }

    private static Passkey passkey(PasskeyBody body) {
        return new Passkey(body.id, body.label, body.createdAt == null ? "" : HongKongTime.format(body.createdAt),
                body.lastUsedAt == null ? "" : HongKongTime.format(body.lastUsedAt));
    }

    private static void message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = ResourceBundle.getBundle("hk.smartid.portal.i18n.messages", faces.getViewRoot().getLocale())
                .getString(key);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /**
     * One passkey as shown, {@code lastUsed} empty if it never logged the resident in; pages call its accessors
     * as methods (Jakarta EL 5 does not read records).
     */
    public record Passkey(String id, String label, String created, String lastUsed) implements Serializable {
    }

    /** The IdP's answer, {@code {"passkeys": [...]}}. */
    public static class PasskeysBody {
        public List<PasskeyBody> passkeys;
    }

    /** One passkey in the IdP's answer. */
    public static class PasskeyBody {
        public String id;
        public String label;
        public String createdAt;
        public String lastUsedAt;
    }
}
