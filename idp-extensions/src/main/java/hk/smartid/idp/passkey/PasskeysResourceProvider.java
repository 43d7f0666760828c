package hk.smartid.idp.passkey;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource for a resident's passkeys. */
public class PasskeysResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    PasskeysResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new PasskeysResource(session);
    }

    @Override
    public void close() {
    }
}
