package hk.smartid.portal.notifications;

import hk.smartid.portal.applications.ApplicationActor;
import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.applications.ApplicationStatusChanged;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on EclipseLink and an H2 file migrated by Flyway, as in the portal: one per status change, newest
 * first, read and counted only by their resident. The observer joining the status change's transaction is tested on
 * the real portal (OfficerWorkQueueIT).
 */
class NotificationsTest {

    private static final String CHAN = "resident-chan";
    private static final String LEE = "resident-lee";
    private static final ApplicationActor OFFICER = ApplicationActor.officer("officer-1", "Officer Wong");

    @TempDir
    Path directory;

    private String url;
    private EntityManagerFactory factory;
    private EntityManager entityManager;
    private Notifications notifications;

    @BeforeEach
    void startDatabase() throws SQLException {
        url = "jdbc:h2:file:" + directory.resolve("smartid") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "", "").locations("classpath:hk/smartid/portal/database/migration")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO application (id, reference,"
                     + " resident_subject, service_id, department_id, status, fee_hkd, language, submission_key,"
                     + " submitted_at, updated_at, version) VALUES ('app-1', 'SID-TEST-0001', ?, 'senior-citizen-card',"
                     + " 'SWD', 'SUBMITTED', 0, 'en', 'key-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)")) {
            insert.setString(1, CHAN);
            insert.executeUpdate();
        }
        factory = Persistence.createEntityManagerFactory("smartid-test", Map.of(
                "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
        entityManager = factory.createEntityManager();
        notifications = new Notifications();
        notifications.entityManager = entityManager;
    }

    @AfterEach
    void stopDatabase() {
        entityManager.close();
        factory.close();
    }

    @Test
    void oneMessagePerStatusChangeNewestFirstReadAndCountedOnlyByItsResident() {
        changed(ApplicationStatus.SUBMITTED, Instant.parse("2026-11-27T01:00:00Z"));
        changed(ApplicationStatus.IN_PROGRESS, Instant.parse("2026-11-27T02:00:00Z"));
        changed(ApplicationStatus.APPROVED, Instant.parse("2026-11-27T03:00:00Z"));
        entityManager.clear();

        assertThat(notifications.of(CHAN)).extracting(Notification::getStatus)
                .containsExactly("APPROVED", "IN_PROGRESS", "SUBMITTED");
        assertThat(notifications.of(CHAN)).allSatisfy(n -> {
            assertThat(n.getApplicationReference()).isEqualTo("SID-TEST-0001");
            assertThat(n.getServiceId()).isEqualTo("senior-citizen-card");
        });
        assertThat(notifications.unreadCount(CHAN)).isEqualTo(3);
        assertThat(notifications.of(LEE)).isEmpty();
        assertThat(notifications.unreadCount(LEE)).isZero();

        String newest = notifications.of(CHAN).get(0).getId();
        assertThat(notifications.find(LEE, newest)).isEmpty();
        assertThat(inTransaction(() -> notifications.markRead(LEE, newest).isPresent())).isFalse();
        assertThat(notifications.unreadCount(CHAN)).isEqualTo(3);

        assertThat(inTransaction(() -> notifications.markRead(CHAN, newest).isPresent())).isTrue();
        assertThat(notifications.unreadCount(CHAN)).isEqualTo(2);
        assertThat(notifications.find(CHAN, newest).orElseThrow().isRead()).isTrue();

        inTransaction(() -> {
            notifications.markAllRead(LEE);
            return null;
        });
        assertThat(notifications.unreadCount(CHAN)).isEqualTo(2);
        inTransaction(() -> {
            notifications.markAllRead(CHAN);
            return null;
        });
        entityManager.clear();
        assertThat(notifications.unreadCount(CHAN)).isZero();
        assertThat(notifications.find(CHAN, null)).isEmpty();
    }

    private void changed(ApplicationStatus status, Instant at) {
        inTransaction(() -> {
            notifications.onStatusChanged(new ApplicationStatusChanged("app-1", "SID-TEST-0001", CHAN,
                    "senior-citizen-card", "SWD", status, OFFICER, null, at));
            return null;
        });
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        entityManager.getTransaction().begin();
        T result = work.get();
        entityManager.getTransaction().commit();
        return result;
    }
}
