package hk.smartid.portal.passkeys;

import hk.smartid.portal.login.IdentityProvider;
import hk.smartid.portal.login.IdpAccessToken;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "My passkeys": the resident's passkeys at the IdP, with removal. The last one goes only with an explicit
 * confirmation that they will then need a counter visit; adding one happens at the IdP ({@code /passkeys/add}).
 */
@Named
@ViewScoped
public class MyPasskeys implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MyPasskeys.class.getName());
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpAccessToken accessToken;

    private List<Passkey> passkeys;
    private boolean lastOneConfirmed;

    public List<Passkey> getPasskeys() {
        if (passkeys == null) {
            passkeys = fetch().orElseGet(() -> {
                message("passkeys.unavailable");
                return List.of();
            });
        }
        return passkeys;
    }

    public void remove(String passkeyId) {
        Optional<String> token = accessToken.current();
        if (token.isEmpty()) {
            message("passkeys.unavailable");
            return;
        }
        Client client = client();
        try (Response response = client.target(api()).path(passkeyId).queryParam("lastOneConfirmed", lastOneConfirmed)
                .request(MediaType.APPLICATION_JSON).header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get()).delete()) {
            if (response.getStatus() == 204) {
                message("passkeys.removed");
            } else if (response.getStatus() == 409) {
                message("passkeys.lastOne");
            } else {
                message("passkeys.unavailable");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The IdP could not remove a passkey", e);
            message("passkeys.unavailable");
        } finally {
            client.close();
        }
        passkeys = null;
        lastOneConfirmed = false;
    }

    public boolean isLastOneConfirmed() {
        return lastOneConfirmed;
    }

    public void setLastOneConfirmed(boolean lastOneConfirmed) {
        this.lastOneConfirmed = lastOneConfirmed;
    }

    private Optional<List<Passkey>> fetch() {
        Optional<String> token = accessToken.current();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Client client = client();
        try (Jsonb jsonb = JsonbBuilder.create();
             Response response = client.target(api()).request(MediaType.APPLICATION_JSON)
                     .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get()).get()) {
            if (response.getStatus() != 200) {
                return Optional.empty();
            }
            PasskeysBody body = jsonb.fromJson(response.readEntity(String.class), PasskeysBody.class);
            return Optional.of(body.passkeys == null ? List.of() : body.passkeys.stream().map(MyPasskeys::passkey).toList());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The IdP's passkeys could not be read", e);
            return Optional.empty();
        } finally {
            client.close();
        }
    }

    private static Passkey passkey(PasskeyBody body) {
        String created = body.createdAt == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(Instant.parse(body.createdAt).atZone(HONG_KONG));
        return new Passkey(body.id, body.label, created);
    }

    private static void message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = ResourceBundle.getBundle("hk.smartid.portal.i18n.messages", faces.getViewRoot().getLocale())
                .getString(key);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private String api() {
        return identityProvider.realmUrl() + "/passkeys";
    }

    private static Client client() {
        return ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build();
    }

    /** One passkey as shown; pages call its accessors as methods (Jakarta EL 5 does not read records). */
    public record Passkey(String id, String label, String created) implements Serializable {
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
    }
}
