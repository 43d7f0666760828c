package hk.smartid.idp.access;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.Map;
import java.util.Optional;

/**
 * Who calls one of our realm APIs with a bearer access token. The IdP checks roles itself from the
 * user's current role mappings, never trusting the calling application alone.
 */
public final class BearerCaller {

    private final AuthenticationManager.AuthResult auth;
    private final RealmModel realm;

    private BearerCaller(AuthenticationManager.AuthResult auth, RealmModel realm) {
        this.auth = auth;
        this.realm = realm;
    }

    /** The caller of this request, if its bearer token is valid for the realm. */
    public static Optional<BearerCaller> of(KeycloakSession session) {
        return Optional.ofNullable(new AppAuthManager.BearerTokenAuthenticator(session).authenticate())
                .map(auth -> new BearerCaller(auth, session.getContext().getRealm()));
    }

    public UserModel user() {
        return auth.getUser();
    }

    public AuthenticationManager.AuthResult auth() {
        return auth;
    }

    public boolean hasRealmRole(String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && auth.getUser().hasRole(role);
    }

    /** 401 for a request without a valid token (RFC 6750). */
    public static Response invalidToken() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "invalid_token")).build();
    }

    /** 403 for a valid caller without the role the API needs. */
    public static Response insufficientRole() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "insufficient_role")).build();
    }
}
