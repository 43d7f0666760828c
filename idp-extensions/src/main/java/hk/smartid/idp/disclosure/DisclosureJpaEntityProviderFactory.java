package hk.smartid.idp.disclosure;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link DisclosureJpaEntityProvider} as {@value #PROVIDER_ID}. The id names the table where Liquibase
 * records the changelog as applied (its first 10 letters, {@code SMARTID_DI}): renaming it would make Keycloak
 * try to create the tables again.
 */
public class DisclosureJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "smartid-disclosure";

    // Stateless, so one instance serves every session.
    private static final DisclosureJpaEntityProvider PROVIDER = new DisclosureJpaEntityProvider();

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
