package hk.smartid.portal.database;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portal's schema migrations on an H2 file database, as the portal runs them at start-up (PortalDatabase). */
class PortalDatabaseMigrationTest {

    @TempDir
    Path directory;

    @Test
    void migratingAgainAfterARestartKeepsTheDataAndAppliesNothing() throws SQLException {
        JdbcDataSource database = h2();
        assertThat(migrate(database).migrationsExecuted).isPositive();
        try (Connection connection = database.getConnection()) {
            insertBookmark(connection, "resident-1", "passport-application");
        }

        assertThat(migrate(h2()).migrationsExecuted).isZero();
        try (Connection connection = h2().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT service_id FROM bookmark")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("passport-application");
        }
    }

    @Test
    void aResidentBookmarksAServiceOnce() throws SQLException {
        JdbcDataSource database = h2();
        migrate(database);
        try (Connection connection = database.getConnection()) {
            insertBookmark(connection, "resident-1", "passport-application");
            insertBookmark(connection, "resident-2", "passport-application");

            assertThatThrownBy(() -> insertBookmark(connection, "resident-1", "passport-application"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aFormPostedAgainCannotMakeASecondApplication() throws SQLException {
        JdbcDataSource database = h2();
        migrate(database);
        try (Connection connection = database.getConnection()) {
            insertApplication(connection, "a-1", "SID-0000-0000-0001", "resident-1", "key-1");
            insertApplication(connection, "a-2", "SID-0000-0000-0002", "resident-2", "key-1");

            assertThatThrownBy(() -> insertApplication(connection, "a-3", "SID-0000-0000-0003", "resident-1", "key-1"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insertApplication(connection, "a-4", "SID-0000-0000-0001", "resident-3", "key-4"))
                    .as("references are unique").isInstanceOf(SQLException.class);
            connection.createStatement().executeUpdate("INSERT INTO application_value (application_id, position,"
                    + " field_name, field_value, prefilled, verified) VALUES ('a-1', 0, 'surnameEn', 'CHAN', TRUE, TRUE)");
            connection.createStatement().executeUpdate("INSERT INTO application_status_change (id, application_id,"
                    + " position, status, changed_at, actor_subject, actor_role, actor_name) VALUES ('c-1', 'a-1', 0,"
                    + " 'SUBMITTED', CURRENT_TIMESTAMP, 'resident-1', 'resident', 'Chan Tai Man')");
            assertThatThrownBy(() -> connection.createStatement().executeUpdate("INSERT INTO application_value"
                    + " (application_id, position, field_name, field_value, prefilled, verified)"
                    + " VALUES ('no-such-application', 0, 'x', 'y', FALSE, FALSE)"))
                    .as("values belong to an application").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void anIntegrationBelongsToADeclaredOrganisationAndItsClientIdsAreUnique() throws SQLException {
        JdbcDataSource database = h2();
        migrate(database);
        try (Connection connection = database.getConnection()) {
            assertThatThrownBy(() -> insertIntegration(connection, "i-1", "nobody", "sandbox-a", "biz-a"))
                    .as("an organisation first").isInstanceOf(SQLException.class);
            connection.createStatement().executeUpdate("INSERT INTO developer_organisation (owner_subject, name,"
                    + " business_registration_number, declared_at) VALUES ('owner-1', 'Power Co', '12345678', CURRENT_TIMESTAMP)");
            insertIntegration(connection, "i-1", "owner-1", "sandbox-a", "biz-a");
            assertThatThrownBy(() -> insertIntegration(connection, "i-2", "owner-1", "sandbox-a", "biz-b"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insertIntegration(connection, "i-3", "owner-1", "sandbox-c", "biz-a"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connection.createStatement().executeUpdate("INSERT INTO developer_integration_decision"
                    + " (id, integration_id, decision, approver_subject, approver_name, decided_at) VALUES ('d-1', 'no-such',"
                    + " 'APPROVED', 'approver', 'Approver', CURRENT_TIMESTAMP)"))
                    .as("a decision is on an integration").isInstanceOf(SQLException.class);
        }
    }

    private static void insertIntegration(Connection connection, String id, String owner, String sandboxClientId,
                                          String productionClientId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO developer_integration (id, owner_subject,"
                + " organisation_name, business_registration_number, name_en, name_zh_hk, name_zh_cn, profile, registration,"
                + " sandbox_client_id, production_client_id, state, created_at, version)"
                + " VALUES (?, ?, 'Power Co', '12345678', 'Power', '電力', '电力', 'data-sharing', '{}', ?, ?, 'SANDBOX',"
                + " CURRENT_TIMESTAMP, 1)")) {
            insert.setString(1, id);
            insert.setString(2, owner);
            insert.setString(3, sandboxClientId);
            insert.setString(4, productionClientId);
            insert.executeUpdate();
        }
    }

    private JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("smartid") + ";WRITE_DELAY=0");
        return dataSource;
    }

    private static org.flywaydb.core.api.output.MigrateResult migrate(JdbcDataSource database) {
        return Flyway.configure().dataSource(database).locations(PortalDatabase.MIGRATIONS).load().migrate();
    }

    private static void insertApplication(Connection connection, String id, String reference, String subject,
                                          String submissionKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO application (id, reference,"
                + " resident_subject, service_id, department_id, status, fee_hkd, language, submission_key,"
                + " submitted_at, updated_at, version) VALUES (?, ?, ?, 'passport-application', 'immd', 'SUBMITTED',"
                + " 0, 'en', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)")) {
            insert.setString(1, id);
            insert.setString(2, reference);
            insert.setString(3, subject);
            insert.setString(4, submissionKey);
            insert.executeUpdate();
        }
    }

    private static void insertBookmark(Connection connection, String subject, String serviceId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bookmark (resident_subject, service_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, subject);
            insert.setString(2, serviceId);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
