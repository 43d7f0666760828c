package hk.smartid.idp.bank;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource that registers banks. */
public class RelyingPartiesResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    RelyingPartiesResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new RelyingPartiesResource(session);
    }

    @Override
    public void close() {
    }
}
