package hk.smartid.idp.passkey;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@link PasskeysResource} at {@code /realms/{realm}/passkeys}. */
public class PasskeysResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "passkeys";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasskeysResourceProvider(session);
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
