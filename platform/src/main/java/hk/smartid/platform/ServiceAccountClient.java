package hk.smartid.platform;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.io.IOException;
import java.util.List;

/**
 * A confidential client of realm smartid used only through its service account (client-credentials grant), made by
 * the launcher: created when missing, set back to the secret under var/ and to a service account when changed, and
 * given its one realm role when it lacks it, so a start or command interrupted half way is repaired by the next.
 */
final class ServiceAccountClient {

    private ServiceAccountClient() {
    }

    /** The client {@code clientId}, made or repaired as the class says. */
    static ClientResource ensure(RealmResource realm, String clientId, String name, String secret) throws IOException {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
        if (found.isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(name);
            client.setSecret(secret);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            try (Response created = realm.clients().create(client)) {
                if (created.getStatus() != 201) {
                    throw new IOException("creating " + clientId + " answered " + created.getStatus());
                }
            }
            found = realm.clients().findByClientId(clientId);
        }
        ClientRepresentation client = found.get(0);
        ClientResource resource = realm.clients().get(client.getId());
        if (!Boolean.TRUE.equals(client.isServiceAccountsEnabled()) || !secret.equals(resource.getSecret().getValue())) {
            client.setServiceAccountsEnabled(true);
            client.setSecret(secret);
            resource.update(client);
        }
        return resource;
    }

    /** Grants the account {@code userId} the realm role {@code roleName} unless it holds it. */
    static void grantRole(RealmResource realm, String userId, String roleName) {
        var roles = realm.users().get(userId).roles().realmLevel();
        if (roles.listAll().stream().noneMatch(role -> roleName.equals(role.getName()))) {
            RoleRepresentation role = realm.roles().get(roleName).toRepresentation();
            roles.add(List.of(role));
        }
    }
}
