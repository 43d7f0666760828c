package hk.smartid.portal.chat;

import hk.smartid.chatbot.answer.ChatAnswer;
import hk.smartid.chatbot.answer.Link;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat transcripts on EclipseLink and an H2 file migrated by Flyway, as in the portal: what is written is redacted,
 * an answer about the resident's own records is kept without its text, entries older than the retention are purged,
 * and a retention of 0 keeps nothing. The rows are read back with plain JDBC: what the database holds.
 */
class ChatTranscriptsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final ChatAnswer SERVICE_ANSWER = new ChatAnswer(
            "Replacement of Hong Kong Identity Card: HK$370. Call 9123 4567 if you need help.", "en",
            "hkid-replacement", List.of(new Link("Replacement of Hong Kong Identity Card", "/services/service?id=hkid-replacement")),
            0.97, "service-info");

    @TempDir
    Path directory;

    private String url;
    private EntityManagerFactory factory;
    private EntityManager entityManager;
    private ChatTranscripts transcripts;

    @BeforeEach
    void startDatabase() {
        url = "jdbc:h2:file:" + directory.resolve("smartid") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "", "").locations("classpath:hk/smartid/portal/database/migration")
                .load().migrate();
        factory = Persistence.createEntityManagerFactory("smartid-test", Map.of(
                "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
        entityManager = factory.createEntityManager();
        transcripts = new ChatTranscripts();
        transcripts.entityManager = entityManager;
        transcripts.retentionDays = 30;
        transcripts.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @AfterEach
    void stopDatabase() {
        entityManager.close();
        factory.close();
    }

    @Test
    void identityNumbersPhonesAndEmailsAreRedactedBeforeTheRowIsWritten() throws SQLException {
        inTransaction(() -> transcripts.keep("conversation-1",
                "I lost my HKID A123456(3), call me on 9123 4567 or write to chan.tai.man@example.com", SERVICE_ANSWER));

        List<String> row = rows("SELECT question, answer, service_id, language, intent FROM chat_transcript").get(0);
        String stored = String.join(" | ", row);
        assertThat(stored).doesNotContain("A123456", "9123", "4567", "chan.tai.man", "example.com");
        assertThat(row.get(0)).isEqualTo("I lost my HKID [HKID], call me on [PHONE] or write to [EMAIL]");
        assertThat(row.get(1)).isEqualTo("Replacement of Hong Kong Identity Card: HK$370. Call [PHONE] if you need help.");
        assertThat(row.subList(2, 5)).containsExactly("hkid-replacement", "en", "service-info");
    }

    @Test
    void anAnswerFromTheResidentsOwnRecordsIsKeptWithoutItsText() throws SQLException {
        inTransaction(() -> transcripts.keep("conversation-1", "what is the status of my application",
                new ChatAnswer("You have 1 application: Senior Citizen Card (SID-2026-0001-0001): Submitted", "en",
                        null, List.of(), 1.0, "my-applications")));

        assertThat(rows("SELECT question, answer, intent FROM chat_transcript"))
                .containsExactly(java.util.Arrays.asList("what is the status of my application", null, "my-applications"));
    }

    @Test
    void entriesOlderThanTheRetentionArePurgedAndNewerOnesKept() throws SQLException {
        keepAt(NOW.minus(Duration.ofDays(31)), "old question");
        keepAt(NOW.minus(Duration.ofDays(29)), "recent question");
        transcripts.clock = Clock.fixed(NOW, ZoneOffset.UTC);

        inTransaction(transcripts::purge);

        assertThat(rows("SELECT question FROM chat_transcript")).containsExactly(List.of("recent question"));
    }

    @Test
    void aRetentionOfZeroKeepsNothingAndPurgesWhatAnEarlierSettingKept() throws SQLException {
        keepAt(NOW.minus(Duration.ofHours(1)), "kept under the earlier setting");
        transcripts.retentionDays = 0;

        inTransaction(() -> transcripts.keep("conversation-2", "not to be kept", SERVICE_ANSWER));
        inTransaction(transcripts::purge);

        assertThat(rows("SELECT question FROM chat_transcript")).isEmpty();
    }

    private void keepAt(Instant at, String question) {
        transcripts.clock = Clock.fixed(at, ZoneOffset.UTC);
        inTransaction(() -> transcripts.keep("conversation-1", question, SERVICE_ANSWER));
    }

    private List<List<String>> rows(String select) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "", "");
             ResultSet result = connection.createStatement().executeQuery(select)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void inTransaction(Runnable work) {
        entityManager.getTransaction().begin();
        work.run();
        entityManager.getTransaction().commit();
    }
}
