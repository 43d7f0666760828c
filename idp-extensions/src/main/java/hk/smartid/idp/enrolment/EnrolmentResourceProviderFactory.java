package hk.smartid.idp.enrolment;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.time.Duration;

/**
 * Serves the staff enrolment API at {@code /realms/{realm}/enrolment}. Configured with Keycloak options
 * {@code --spi-realm-restapi-extension--enrolment--staff-max-auth-age=900} (seconds a staff login stays
 * good for enrolment) and {@code ...--activation-code-validity=900} (seconds an activation code lives).
 */
public class EnrolmentResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "enrolment";

    private EnrolmentPolicy policy;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new EnrolmentResourceProvider(session, policy);
    }

    @Override
    public void init(Config.Scope config) {
        policy = new EnrolmentPolicy(
                Duration.ofSeconds(config.getLong("staff-max-auth-age", 900L)),
                Duration.ofSeconds(config.getLong("activation-code-validity", 900L)));
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
