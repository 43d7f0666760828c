package hk.smartid.idp.digitalid;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@link DigitalIdResource} at {@code /realms/{realm}/digital-id}. */
public class DigitalIdResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "digital-id";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DigitalIdResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
