package hk.smartid.idp.access;

import hk.smartid.idp.realm.RealmRole;
import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.jose.jws.JWSHeader;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who calls one of our realm APIs with a bearer access token, checked the way Keycloak's own APIs check it. The
 * IdP checks roles itself from the user's current role mappings, never trusting the calling application alone.
 */
public final class BearerCaller {

    private static final String SCHEME = "Bearer";

    private final AuthenticationManager.AuthResult auth;
    private final RealmModel realm;

    private BearerCaller(AuthenticationManager.AuthResult auth, RealmModel realm) {
        this.auth = auth;
        this.realm = realm;
    }

    /** The caller of this request; 401 unless its token is a valid signed token of this realm. */
    public static BearerCaller of(KeycloakSession session) throws ApiError {
        AppAuthManager.AuthHeader authorization = authorization(session, SCHEME);
        if (!SCHEME.equalsIgnoreCase(authorization.getScheme())) {
            throw ApiError.invalidToken(SCHEME, "A bearer access token is required: Authorization: Bearer");
        }
        requireKnownSignature(session, authorization.getToken(), SCHEME);
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            throw ApiError.invalidToken(SCHEME, "The access token is not valid here");
        }
        return new BearerCaller(auth, session.getContext().getRealm());
    }

    /** The caller of this request holding {@code role}: 401 without a valid token, 403 without the role. */
    public static BearerCaller withRealmRole(KeycloakSession session, RealmRole role) throws ApiError {
        BearerCaller caller = of(session);
        if (!caller.hasRealmRole(role)) {
            throw ApiError.insufficientRole(role.roleName());
        }
        return caller;
    }

    /** The request's one {@code Authorization} header. */
    static AppAuthManager.AuthHeader authorization(KeycloakSession session, String scheme) throws ApiError {
        AppAuthManager.AuthHeader authorization;
        try {
            authorization = AppAuthManager.extractAuthorizationHeaderTokenOrReturnNull(session.getContext().getRequestHeaders());
        } catch (NotAuthorizedException e) {
            throw ApiError.invalidToken(scheme, "More than one Authorization header");
        }
        if (authorization == null) {
            throw ApiError.invalidToken(scheme, "An access token is required: Authorization: " + scheme);
        }
        return authorization;
    }

    /**
     * Refuses a token that is no JWS or names an algorithm the realm cannot verify ({@code none} among them) before
     * Keycloak's verifier sees it: that verifier assumes a known algorithm (it answered 500 to {@code alg: none}).
     */
    static void requireKnownSignature(KeycloakSession session, String token, String scheme) throws ApiError {
        JWSHeader header;
        try {
            header = new JWSInput(token).getHeader();
        } catch (JWSInputException | RuntimeException e) {
            throw ApiError.invalidToken(scheme, "The access token is not a signed token");
        }
        if (header == null || header.getRawAlgorithm() == null
                || session.getProvider(SignatureProvider.class, header.getRawAlgorithm()) == null) {
            throw ApiError.invalidToken(scheme, "The access token is not signed with an algorithm of this realm");
        }
    }

    public UserModel user() {
        return auth.getUser();
    }

    public AccessToken token() {
        return auth.getToken();
    }

    public boolean hasRealmRole(RealmRole role) {
        RoleModel realmRole = realm.getRole(role.roleName());
        return realmRole != null && auth.getUser().hasRole(realmRole);
    }
}
