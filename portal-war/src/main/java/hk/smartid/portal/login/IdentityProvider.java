package hk.smartid.portal.login;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;

/**
 * The portal's view of the SmartID IdP: its published metadata and the portal's client registration.
 * Configured by the platform launcher through MicroProfile Config (environment variables
 * {@code SMARTID_IDP_ISSUER}, {@code SMARTID_PORTAL_URL}, {@code SMARTID_PORTAL_CLIENT_ID},
 * {@code SMARTID_PORTAL_CLIENT_SECRET}).
 */
@ApplicationScoped
public class IdentityProvider {

    @Inject
    @ConfigProperty(name = "smartid.idp.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "smartid.portal.url")
    String portalUrl;

    @Inject
    @ConfigProperty(name = "smartid.portal.client-id", defaultValue = "portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "smartid.portal.client-secret")
    String clientSecret;

    private static final int JWKS_TIMEOUT_MILLIS = 10_000;
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    private volatile OIDCProviderMetadata metadata;
    private volatile IDTokenValidator idTokenValidator;
    private volatile JWKSource<SecurityContext> realmKeys;

    /** Discovery is fetched on first use, not at deployment, so the portal starts even if the IdP is slow. */
    public OIDCProviderMetadata metadata() {
        OIDCProviderMetadata current = metadata;
        if (current == null) {
            try {
                current = OIDCProviderMetadata.resolve(new Issuer(issuer));
            } catch (GeneralException | IOException e) {
                throw new IdentityProviderUnavailableException("no valid discovery document at " + issuer, e);
            }
            metadata = current;
        }
        return current;
    }

    public IDTokenValidator idTokenValidator() {
        IDTokenValidator current = idTokenValidator;
        if (current == null) {
            try {
                // Nimbus's default of half a second to fetch the IdP's keys refused logins whenever the IdP was
                // busy (seen under load in the browser tests); the keys are fetched once and then cached.
                current = new IDTokenValidator(metadata().getIssuer(), clientId(), JWSAlgorithm.RS256,
                        metadata().getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
            idTokenValidator = current;
        }
        return current;
    }

    /** The realm's published keys (its JWKS), fetched on first use and cached by Nimbus, e.g. for the disclosure log's signed heads. */
    public JWKSource<SecurityContext> realmKeys() {
        JWKSource<SecurityContext> current = realmKeys;
        if (current == null) {
            try {
                current = JWKSourceBuilder.create(metadata().getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT)).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
            realmKeys = current;
        }
        return current;
    }

    public ClientID clientId() {
        return new ClientID(clientId);
    }

    public ClientAuthentication clientAuthentication() {
        return new ClientSecretBasic(clientId(), new Secret(clientSecret));
    }

    /** The one redirect URI registered for the portal client in the realm. */
    public URI callbackUri() {
        return URI.create(portalUrl + LoginCallbackServlet.PATH);
    }

    /** The realm's base URL, under which our IdP APIs live ({@code /enrolment}, {@code /data-sharing}). */
    public URI realmUrl() {
        return URI.create(issuer);
    }

    public URI portalHome() {
        return URI.create(portalUrl + "/");
    }
}
