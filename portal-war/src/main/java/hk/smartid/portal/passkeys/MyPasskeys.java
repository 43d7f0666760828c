package hk.smartid.portal.passkeys;

import hk.smartid.portal.login.IdpApi;
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

    @Inject
    IdpApi idpApi;

    private List<Passkey> passkeys;
    private boolean lastOneConfirmed;

    public List<Passkey> getPasskeys() {
        if (passkeys == null) {
            passkeys = idpApi.read(idpApi.get(PATH, Map.of()), PasskeysBody.class)
                    .map(body -> body.passkeys == null ? List.<Passkey>of()
                            : body.passkeys.stream().map(MyPasskeys::passkey).toList())
                    .orElseGet(() -> {
                        message("passkeys.unavailable");
                        return List.of();
                    });
        }
        return passkeys;
    }

    public void remove(String passkeyId) {
        int status = idpApi.delete(PATH + "/" + passkeyId, Map.of("lastOneConfirmed", lastOneConfirmed))
                .map(IdpApi.Answer::status).orElse(0);
        message(status == 204 ? "passkeys.removed" : status == 409 ? "passkeys.lastOne" : "passkeys.unavailable");
        passkeys = null;
        lastOneConfirmed = false;
    }

    public boolean isLastOneConfirmed() {
        return lastOneConfirmed;
    }

    public void setLastOneConfirmed(boolean lastOneConfirmed) {
        this.lastOneConfirmed = lastOneConfirmed;
    }

    private static Passkey passkey(PasskeyBody body) {
        return new Passkey(body.id, body.label, body.createdAt == null ? "" : IdpApi.inHongKongTime(body.createdAt),
                body.lastUsedAt == null ? "" : IdpApi.inHongKongTime(body.lastUsedAt));
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
