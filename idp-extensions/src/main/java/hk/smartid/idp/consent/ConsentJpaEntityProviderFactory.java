package hk.smartid.idp.consent;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link ConsentJpaEntityProvider} as {@value #PROVIDER_ID}. The id names the table where
 * Liquibase records the changelog as applied (its first 10 letters, {@code SMARTID_CO}): renaming it
 * would make Keycloak try to create the table again.
 */
public class ConsentJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "smartid-consent";

    // Stateless, so one instance serves every session.
    private static final ConsentJpaEntityProvider PROVIDER = new ConsentJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
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
