package hk.smartid.idp.enrolment;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource for the enrolment API. */
public class EnrolmentResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final EnrolmentPolicy policy;

    EnrolmentResourceProvider(KeycloakSession session, EnrolmentPolicy policy) {
        this.session = session;
        this.policy = policy;
    }

    @Override
    public Object getResource() {
        return new EnrolmentResource(session, policy);
    }

    @Override
    public void close() {
    }
}
