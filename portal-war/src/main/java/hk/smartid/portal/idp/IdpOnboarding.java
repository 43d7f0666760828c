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
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    private static final long TIMEOUT_SECONDS = 15;

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
        Client client = ClientBuilder.newBuilder().connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).build();
        try (Jsonb jsonb = JsonbBuilder.create();
             Response response = client.target(issuer.toString()).path("relying-parties")
                     .request(MediaType.APPLICATION_JSON).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                     .post(Entity.entity(jsonb.toJson(registration), MediaType.APPLICATION_JSON))) {
            String answer = response.hasEntity() ? response.readEntity(String.class) : "";
            return IdpAnswer.interpret(response.getStatus(), answer, Registered.class, jsonb);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the IdP did not answer the onboarding request at " + issuer, e);
            return new IdpResult.Unavailable<>();
        } finally {
            client.close();
        }
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
}
