package hk.smartid.idp.bank;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves bank registration at {@code /realms/{realm}/relying-parties}. */
public class RelyingPartiesResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "relying-parties";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RelyingPartiesResourceProvider(session);
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
