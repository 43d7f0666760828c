package hk.smartid.idp.passkey;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@link PasskeyUseListener} as {@value #PROVIDER_ID}, enabled in the realm's {@code eventsListeners}. */
public class PasskeyUseListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "smartid-passkey-use";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PasskeyUseListener(session);
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
