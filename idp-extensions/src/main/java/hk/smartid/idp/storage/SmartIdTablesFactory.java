package hk.smartid.idp.storage;

import hk.smartid.idp.cluster.NodeRules;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link SmartIdTables}. The id is the one the first tables (enrolment) shipped under: Liquibase
 * keeps its record of applied changes in a table named after it, so renaming it would make Keycloak try to
 * create every table again.
 */
public class SmartIdTablesFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "smartid-enrolment";

    // Stateless, so one instance serves every session.
    private static final SmartIdTables PROVIDER = new SmartIdTables();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The node checks, once its tables are migrated, that it runs the same rules as its peers.
        factory.register(new NodeRules(factory));
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
