package hk.smartid.portal.idp;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The IdP's onboarding API ({@code <realm>/relying-parties}) called as the portal's own service account
 * {@code portal-onboarding}, which holds only {@code rp-onboarding}: one in the sandbox realm (a business's
 * integration is registered there at once), one in the production realm (once an approver approved it). Unlike
 * {@link IdpClient} no person's token is involved: the portal's developer area decides who may ask.
 */
@ApplicationScoped
public class IdpOnboarding {

    /** Which realm a registration goes to. */
    public enum Realm { SANDBOX, PRODUCTION }

    private static final Logger LOG = Logger.getLogger(IdpOnboarding.class.getName());

    @Inject
    @ConfigProperty(name = "smartid.idp.issuer")
    String productionIssuer;

    @Inject
    @ConfigProperty(name = "smartid.idp.sandbox-issuer")
    Optional<String> sandboxIssuer;

    @Inject
    @ConfigProperty(name = "smartid.developers.onboarding-client-id", defaultValue = "portal-onboarding")
    String clientId;

    @Inject
    // Without these (a portal deployed on its own, as in the portal's integration tests) the developer area says
    // the IdP is unavailable rather than the portal failing to deploy.
    @ConfigProperty(name = "smartid.developers.onboarding-client-secret")
    Optional<String> productionSecret;

    @Inject
    @ConfigProperty(name = "smartid.developers.sandbox-onboarding-client-secret")
    Optional<String> sandboxSecret;

    /**
     * Registers a relying party ({@code docs/banking-made-easy.md}, "Registering a bank (onboarding)"): success with
     * the client id, field errors (the API's field paths to its English reasons), conflict {@code client_exists},
     * or unavailable.
     */
    public IdpResult<Registered> register(Realm realm, Map<String, Object> registration) {
        return call(realm, "relying-parties", registration, Registered.class);
    }

    /**
     * Disables or enables a registered client ({@code docs/businesses.md}, "Disabling and enabling") at the request
     * of the person {@code requestedBy} acting as {@code requestedAs} (both go into the IdP's staff audit): success,
     * not found (no such relying party) or unavailable.
     */
    public IdpResult<Switched> setEnabled(Realm realm, String clientId, boolean enabled, String requestedBy,
                                          String requestedAs) {
        return call(realm, "relying-parties/" + IdpClient.pathSegment(clientId) + (enabled ? "/enable" : "/disable"),
                Map.of("requestedBy", requestedBy, "requestedAs", requestedAs), Switched.class);
    }

    /** A POST to the realm's onboarding API as the portal's service account, through {@link IdpClient#send}. */
    private <T> IdpResult<T> call(Realm realm, String path, Object body, Class<T> type) {
        String issuerUrl = realm == Realm.SANDBOX ? sandboxIssuer.orElse("") : productionIssuer;
        Optional<String> secret = realm == Realm.SANDBOX ? sandboxSecret : productionSecret;
        if (issuerUrl.isBlank() || secret.isEmpty()) {
            LOG.warning("the portal's onboarding account for the " + realm + " realm is not configured");
            return new IdpResult.Unavailable<>();
        }
        URI issuer = URI.create(issuerUrl);
        String token;
        try {
            token = serviceAccountToken(issuer, secret.get());
        } catch (IOException | ParseException e) {
            LOG.log(Level.WARNING, "no onboarding token from " + issuer, e);
            return new IdpResult.Unavailable<>();
        }
        IdpResult<T> result = IdpClient.send(issuerUrl, token, "POST", path, Map.of(), body, type);
        // No person's login is involved: a refused service account token is the portal's configuration, not a login to redo.
        return result instanceof IdpResult.LoginOver<T> || result instanceof IdpResult.StepUpRequired<T>
                || result instanceof IdpResult.Forbidden<T> ? new IdpResult.Unavailable<>() : result;
    }

    /** The sandbox realm's issuer, which a business's sandbox integration is configured with. */
    public String sandboxIssuer() {
        return sandboxIssuer.orElse("");
    }

    private String serviceAccountToken(URI issuer, String secret) throws IOException, ParseException {
        TokenRequest request = new TokenRequest(URI.create(issuer + "/protocol/openid-connect/token"),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), new ClientCredentialsGrant());
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new IOException("token endpoint refused: " + response.toErrorResponse().getErrorObject());
        }
        return ((AccessTokenResponse) response).getTokens().getAccessToken().getValue();
    }

    /** The onboarding API's answer to a registration. */
    public static class Registered {
        public String clientId;
    }

    /** The onboarding API's answer to a disable or enable. */
    public static class Switched {
        public String clientId;
        public boolean enabled;
    }
}
