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

    /**
     * This request's caller checked for {@code roleName}: who calls (when the token is valid) and, unless they
     * may go on, the answer that refuses them (401 without a valid token, 403 without the role).
     */
    public static RoleCheck withRealmRole(KeycloakSession session, String roleName) {
        Optional<BearerCaller> caller = of(session);
        Optional<Response> refusal = caller.isEmpty() ? Optional.of(invalidToken())
                : caller.get().hasRealmRole(roleName) ? Optional.empty() : Optional.of(insufficientRole());
        return new RoleCheck(caller, refusal);
    }

    /** The outcome of {@link #withRealmRole}. */
    public record RoleCheck(Optional<BearerCaller> caller, Optional<Response> refusal) {

        /** The caller, once {@link #refusal()} is empty. */
        public BearerCaller allowed() {
            return caller.orElseThrow();
        }
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
