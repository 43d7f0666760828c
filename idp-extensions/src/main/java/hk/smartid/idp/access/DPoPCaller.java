package hk.smartid.idp.access;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import jakarta.ws.rs.core.Response;
import org.keycloak.TokenVerifier;
import org.keycloak.common.Profile;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.util.DPoPUtil;

import java.text.ParseException;

/**
 * Who calls with a DPoP-bound access token ({@code Authorization: DPoP}, RFC 9449): the token checked as Keycloak's
 * own UserInfo endpoint checks it, and further: a proof for this URL and method, bound to the token's {@code cnf.jkt},
 * whose {@code jwk} is a public key, from an enabled client of this realm.
 */
public record DPoPCaller(AccessToken token, ClientModel client) {

    public static final String SCHEME = DPoPUtil.DPOP_SCHEME;

    public static DPoPCaller of(KeycloakSession session) throws ApiError {
        AppAuthManager.AuthHeader authorization = BearerCaller.authorization(session, SCHEME);
        if (!SCHEME.equals(authorization.getScheme())) {
            throw ApiError.invalidToken(SCHEME, "A DPoP-bound access token is required: Authorization: DPoP");
        }
        if (!Profile.isFeatureEnabled(Profile.Feature.DPOP)) {
            // Without the feature Keycloak neither binds tokens nor checks proofs: nothing could be released safely.
            throw ApiError.invalidToken(SCHEME, "DPoP is not enabled at this IdP");
        }
        requirePublicProofKey(session.getContext().getRequestHeaders().getHeaderString("DPoP"));
        BearerCaller.requireKnownSignature(session, authorization.getToken(), SCHEME);
        RealmModel realm = session.getContext().getRealm();
        try {
            AccessToken token = verifiedToken(session, realm, authorization.getToken());
            ClientModel client = realm.getClientByClientId(token.getIssuedFor());
            if (client == null) {
                throw ApiError.invalidToken(SCHEME, "client not found");
            }
            TokenVerifier.createWithoutSignature(token)
                    .withChecks(TokenManager.NotBeforeCheck.forModel(client), new TokenManager.TokenRevocationCheck(session))
                    .verify();
            if (!client.isEnabled() || !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
                throw ApiError.invalidToken(SCHEME, "client disabled");
            }
            return new DPoPCaller(token, client);
        } catch (VerificationException e) {
            throw ApiError.invalidToken(SCHEME, e.getMessage() == null ? "token verification failed" : e.getMessage());
        }
    }

    /**
     * RFC 9449 section 4.3: a proof whose {@code jwk} carries a private key is refused, with the RFC's
     * {@code invalid_dpop_proof} (Keycloak 26.7's validator refuses it too, at its token endpoint as well, but as an
     * invalid token here). A missing proof is left to that validator, which refuses it.
     */
    private static void requirePublicProofKey(String proof) throws ApiError {
        if (proof != null && !hasPublicKey(proof)) {
            throw ApiError.challenge(Response.Status.UNAUTHORIZED, SCHEME, "invalid_dpop_proof",
                    "The DPoP proof is not a JWS whose jwk is a public key");
        }
    }

    /** Whether {@code proof} is a JWS whose {@code jwk} header, if any, holds no private key. */
    private static boolean hasPublicKey(String proof) {
        try {
            JWK key = JOSEObject.parse(proof).getHeader() instanceof JWSHeader header ? header.getJWK() : null;
            return key == null || !key.isPrivate();
        } catch (ParseException | RuntimeException e) {
            // Nimbus refuses to parse a header whose jwk is private: that is exactly the proof to refuse.
            return false;
        }
    }

    /** Signature, expiry, issuer, and the DPoP proof for this request bound to the token, as UserInfo checks them. */
    private static AccessToken verifiedToken(KeycloakSession session, RealmModel realm, String encoded)
            throws VerificationException {
        TokenVerifier<AccessToken> verifier = TokenVerifier.create(encoded, AccessToken.class).withDefaultChecks()
                .realmUrl(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        verifier = DPoPUtil.withDPoPVerifier(verifier, realm, new DPoPUtil.Validator(session)
                .request(session.getContext().getHttpRequest()).uriInfo(session.getContext().getUri()).accessToken(encoded));
        SignatureProvider signatures = session.getProvider(SignatureProvider.class, verifier.getHeader().getRawAlgorithm());
        verifier.verifierContext(signatures.verifier(verifier.getHeader().getKeyId()));
        AccessToken token = verifier.verify().getToken();
        // withDPoPVerifier refuses a DPoP token sent as Bearer; this refuses a Bearer token sent as DPoP, in any case.
        if (!DPoPUtil.DPOP_TOKEN_TYPE.equals(token.getType()) || token.getConfirmation() == null
                || token.getConfirmation().getKeyThumbprint() == null) {
            throw new VerificationException("the access token is not DPoP-bound");
        }
        return token;
    }
}
