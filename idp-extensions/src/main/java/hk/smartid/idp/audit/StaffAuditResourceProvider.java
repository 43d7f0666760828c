package hk.smartid.idp.audit;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource for the staff audit trail. */
public class StaffAuditResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    StaffAuditResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new StaffAuditResource(session);
    }

    @Override
    public void close() {
    }
}
