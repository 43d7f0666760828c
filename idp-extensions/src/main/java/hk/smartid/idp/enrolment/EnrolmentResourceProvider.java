package hk.smartid.idp.enrolment;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the JAX-RS resource for the enrolment API. */
public class EnrolmentResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    EnrolmentResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new EnrolmentResource(session, EnrolmentPolicy.of(session.getContext().getRealm()));
    }

    @Override
    public void close() {
    }
}
