package hk.smartid.idp.passkey;

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
import java.util.Optional;

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
        Optional<BearerCaller> caller = BearerCaller.of(session);
        if (caller.isEmpty()) {
            return BearerCaller.invalidToken();
        }
        UserModel user = caller.get().user();
        Map<String, Instant> lastUses = new PasskeyUseLog(session).lastUses(session.getContext().getRealm(), user);
        return Response.ok(Map.of("passkeys", passkeys(user).stream()
                .map(passkey -> Passkey.of(passkey, lastUses.get(passkey.getId()))).toList())).build();
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("id") String credentialId,
                           @QueryParam("lastOneConfirmed") @DefaultValue("false") boolean lastOneConfirmed) {
        Optional<BearerCaller> caller = BearerCaller.of(session);
        if (caller.isEmpty()) {
            return BearerCaller.invalidToken();
        }
        UserModel user = caller.get().user();
        List<CredentialModel> passkeys = passkeys(user);
        if (passkeys.stream().noneMatch(passkey -> passkey.getId().equals(credentialId))) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "passkey_not_found")).build();
        }
        if (passkeys.size() == 1 && !lastOneConfirmed) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "last_passkey")).build();
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
