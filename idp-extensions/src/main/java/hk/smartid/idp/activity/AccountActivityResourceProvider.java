package hk.smartid.idp.activity;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource for the resident's account activity. */
public class AccountActivityResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    AccountActivityResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new AccountActivityResource(session);
    }

    @Override
    public void close() {
    }
}
