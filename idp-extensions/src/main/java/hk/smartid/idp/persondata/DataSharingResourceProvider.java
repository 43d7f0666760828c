package hk.smartid.idp.persondata;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import java.time.Clock;

/** One per request: hands Keycloak the JAX-RS resource for Banking Made Easy's APIs. */
public class DataSharingResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Clock clock;

    DataSharingResourceProvider(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Object getResource() {
        return new DataSharingResource(session, clock);
    }

    @Override
    public void close() {
    }
}
