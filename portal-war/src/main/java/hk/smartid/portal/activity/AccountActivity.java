package hk.smartid.portal.activity;

import hk.smartid.portal.login.IdentityProvider;
import hk.smartid.portal.login.IdpAccessToken;
import hk.smartid.portal.login.SignedInResident;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Recent logins": the resident's own logins as the IdP recorded them, and "this wasn't me", which has
 * the IdP end every session of the account and logs this browser out too.
 */
@Named
@RequestScoped
public class AccountActivity {

    private static final Logger LOG = Logger.getLogger(AccountActivity.class.getName());
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpAccessToken accessToken;

    @Inject
    SignedInResident signedInResident;

    private List<Login> logins;
    private boolean unavailable;

    /** The recent logins, newest first; empty (and {@link #isUnavailable()}) when the IdP cannot say. */
    public List<Login> getLogins() {
        if (logins == null) {
            logins = fetch().orElseGet(() -> {
                unavailable = true;
                return List.of();
            });
        }
        return logins;
    }

    public boolean isUnavailable() {
        getLogins();
        return unavailable;
    }

    /** Ends every session at the IdP, then this one, and shows what to do next. */
    public String notMe() throws IOException {
        Optional<String> token = accessToken.current();
        if (token.isEmpty()) {
            return "/index?faces-redirect=true";
        }
        Client client = client();
        try (Response response = client.target(api()).path("not-me").request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get()).post(Entity.json(""))) {
            if (response.getStatus() != 200) {
                unavailable = true;
                return null;
            }
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "The IdP could not end the sessions", e);
            unavailable = true;
            return null;
        } finally {
            client.close();
        }
        signedInResident.endPortalSession();
        return "/secured?faces-redirect=true";
    }

    private Optional<List<Login>> fetch() {
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
            ActivityBody body = jsonb.fromJson(response.readEntity(String.class), ActivityBody.class);
            return Optional.of(body.logins == null ? List.of() : body.logins.stream().map(this::login).toList());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The IdP's account activity could not be read", e);
            return Optional.empty();
        } finally {
            client.close();
        }
    }

    private Login login(LoginBody body) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(Instant.parse(body.time).atZone(HONG_KONG));
        String browser = body.browser == null ? null
                : body.browser + (body.os == null ? "" : " · " + body.os) + (body.device == null ? "" : " · " + body.device);
        return new Login(when, body.service, browser, body.ipAddress, body.stillActive);
    }

    private String api() {
        return identityProvider.realmUrl() + "/account-activity";
    }

    private static Client client() {
        return ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build();
    }

    /**
     * One login as shown: when (Hong Kong time, the reader's format), which service, which browser. Pages
     * call its accessors as methods ({@code login.when()}): Jakarta EL 5 does not read records as beans.
     */
    public record Login(String when, String service, String browser, String ipAddress, boolean stillActive) {
    }

    /** The IdP's answer, {@code {"logins": [...]}}. */
    public static class ActivityBody {
        public List<LoginBody> logins;
    }

    /** One login in the IdP's answer. */
    public static class LoginBody {
        public String time;
        public String service;
        public String ipAddress;
        public String browser;
        public String os;
        public String device;
        public boolean stillActive;
    }
}
