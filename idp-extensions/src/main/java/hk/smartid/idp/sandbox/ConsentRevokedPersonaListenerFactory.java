package hk.smartid.idp.sandbox;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@link ConsentRevokedPersonaListener} as {@value #PROVIDER_ID}, enabled in the sandbox realm only. */
public class ConsentRevokedPersonaListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "smartid-sandbox-consent-revoked";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ConsentRevokedPersonaListener(session);
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
