package hk.smartid.idp.persondata;

import hk.smartid.idp.disclosure.DisclosureWriter;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import java.time.Clock;

/** One per request: hands Keycloak the JAX-RS resource for Banking Made Easy's APIs. */
public class DataSharingResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Clock clock;
    private final DisclosureWriter writer;

    DataSharingResourceProvider(KeycloakSession session, Clock clock, DisclosureWriter writer) {
        this.session = session;
        this.clock = clock;
        this.writer = writer;
    }

    @Override
    public Object getResource() {
        return new DataSharingResource(session, clock, writer);
    }

    @Override
    public void close() {
    }
}
