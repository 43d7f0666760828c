package hk.smartid.idp.audit;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@link StaffAuditResource} at {@code /realms/{realm}/staff-audit}. */
public class StaffAuditResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "staff-audit";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new StaffAuditResourceProvider(session);
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
