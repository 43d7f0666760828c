package hk.smartid.idp.digitalid;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource for the resident's digital-ID attributes. */
public class DigitalIdResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    DigitalIdResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new DigitalIdResource(session);
    }

    @Override
    public void close() {
    }
}
