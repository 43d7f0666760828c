package hk.smartid.idp.passkey;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident's own passkeys ({@code /realms/smartid/passkeys}): list them with their last use, remove one. Removing the last
 * one needs an explicit confirmation, because without a passkey only a counter visit gets them back in.
 */
public class PasskeysResource {

    private final KeycloakSession session;

    PasskeysResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        UserModel user;
        try {
            user = BearerCaller.of(session).user();
        } catch (ApiError refusal) {
            return refusal.response();
        }
        Map<String, Instant> lastUses = new PasskeyUseLog(session).lastUses(session.getContext().getRealm(), user);
        return Response.ok(Map.of("passkeys", passkeys(user).stream()
                .map(passkey -> Passkey.of(passkey, lastUses.get(passkey.getId()))).toList())).build();
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("id") String credentialId,
                           @QueryParam("lastOneConfirmed") @DefaultValue("false") boolean lastOneConfirmed) {
        UserModel user;
        try {
            user = BearerCaller.of(session).user();
        } catch (ApiError refusal) {
            return refusal.response();
        }
        List<CredentialModel> passkeys = passkeys(user);
        if (passkeys.stream().noneMatch(passkey -> passkey.getId().equals(credentialId))) {
            return ApiError.of(Response.Status.NOT_FOUND, "passkey_not_found", "No passkey of yours has this id").response();
        }
        if (passkeys.size() == 1 && !lastOneConfirmed) {
            return ApiError.of(Response.Status.CONFLICT, "last_passkey",
                    "This is your last passkey: confirm with lastOneConfirmed=true").response();
        }
        user.credentialManager().removeStoredCredentialById(credentialId);
        return Response.noContent().build();
    }

    private static List<CredentialModel> passkeys(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_PASSWORDLESS)
                .toList();
    }

    /**
     * One passkey as the resident sees it: the name they gave it, when it was made and when it last logged them
     * in ({@code lastUsedAt} null if never).
     */
    record Passkey(String id, String label, String createdAt, String lastUsedAt) {
        static Passkey of(CredentialModel credential, Instant lastUse) {
            return new Passkey(credential.getId(), credential.getUserLabel(),
                    credential.getCreatedDate() == null ? null : Instant.ofEpochMilli(credential.getCreatedDate()).toString(),
                    lastUse == null ? null : lastUse.toString());
        }
    }
}
