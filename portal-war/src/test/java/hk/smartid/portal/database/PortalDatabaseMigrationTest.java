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

    private JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("smartid") + ";WRITE_DELAY=0");
        return dataSource;
    }

    private static org.flywaydb.core.api.output.MigrateResult migrate(JdbcDataSource database) {
        return Flyway.configure().dataSource(database).locations(PortalDatabase.MIGRATIONS).load().migrate();
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
