package hk.smartid.idp.enrolment;

import hk.smartid.idp.hkid.HkidRegister;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the staff enrolment API at {@code /realms/{realm}/enrolment}. Its settings are realm attributes
 * (see {@link EnrolmentPolicy}), read per request.
 */
public class EnrolmentResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "enrolment";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new EnrolmentResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // An administrator removing an account frees its HKID number, so the person can be enrolled again.
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new HkidRegister(removed.getKeycloakSession()).release(removed.getRealm(), removed.getUser());
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
