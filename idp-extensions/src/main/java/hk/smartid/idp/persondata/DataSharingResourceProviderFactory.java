package hk.smartid.idp.persondata;

import hk.smartid.idp.disclosure.DisclosureSequencer;
import hk.smartid.idp.disclosure.DisclosureWriter;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

import java.time.Clock;

/** Serves {@link DataSharingResource} at {@code /realms/{realm}/data-sharing}. */
public class DataSharingResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "data-sharing";

    private volatile DisclosureWriter writer;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DataSharingResourceProvider(session, Clock.systemUTC(), writer);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * The node's writer of disclosure entries; once the database is migrated, every node runs the disclosure log's
     * sequencer (the database picks one at a time).
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        writer = new DisclosureWriter(factory);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(new DisclosureSequencer(Clock.systemUTC()), DisclosureSequencer.INTERVAL_MILLIS,
                                DisclosureSequencer.TASK_NAME));
            }
        });
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
