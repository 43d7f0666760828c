package hk.smartid.portal.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * The portal's own database, {@code java:app/jdbc/smartid}: an H2 file under the platform's var/ by default,
 * PostgreSQL by configuration (README, "The portal's database"). Its schema is created and upgraded here, by
 * the versioned migrations in hk/smartid/portal/database/migration, when the portal starts and before anything
 * uses JPA; EclipseLink never generates DDL (persistence.xml).
 */
@DataSourceDefinition(
        name = PortalDatabase.JNDI_NAME,
        // Payara resolves ${MPCONFIG=...} when it deploys the portal, from the server's own config sources (the
        // environment: SMARTID_DB_DATA_SOURCE_CLASS, SMARTID_DB_URL), which the launcher sets; both drivers
        // (H2, PostgreSQL) are in the WAR. User and password, where needed, are part of the URL.
        className = "${MPCONFIG=smartid.db.data-source-class}",
        url = "${MPCONFIG=smartid.db.url}",
        minPoolSize = 1,
        maxPoolSize = 32,
        // A connection is checked (JDBC 4 isValid) before it is handed out, and one found broken drops them all:
        // after a database restart the next request gets a new connection instead of an error (ClusterFailoverIT).
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
public class PortalDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/smartid";

    /** Where the versioned migrations are: V{n}__{what}.sql, applied in order, never edited once released. */
    static final String MIGRATIONS = "classpath:hk/smartid/portal/database/migration";

    private static final Logger LOG = Logger.getLogger(PortalDatabase.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    /** Not in a JTA transaction: Flyway commits each migration itself. A failed migration stops the deployment. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        Flyway flyway = Flyway.configure(PortalDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info(() -> "Portal database at schema version " + flyway.info().current().getVersion()
                + " (" + applied + " migrations applied now)");
    }
}
