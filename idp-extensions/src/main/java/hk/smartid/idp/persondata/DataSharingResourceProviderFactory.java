package hk.smartid.idp.persondata;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.time.Clock;

/** Serves {@link DataSharingResource} at {@code /realms/{realm}/data-sharing}. */
public class DataSharingResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "data-sharing";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DataSharingResourceProvider(session, Clock.systemUTC());
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
