package hk.smartid.portal.chat;

import hk.smartid.chatbot.answer.ChatAnswer;
import hk.smartid.chatbot.answer.Chatbot;
import hk.smartid.chatbot.answer.Intent;
import hk.smartid.chatbot.privacy.Redaction;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The chat transcripts, kept {@code smartid.chat.transcript-days} days (0: none kept): every answered question
 * with its answer, redacted ({@link Redaction}: identity card numbers, phone numbers, emails) here, before anything
 * is written, whoever calls. An answer about the resident's own applications or messages is kept without its text.
 * Older entries are purged every hour.
 */
@Stateless
public class ChatTranscripts {

    /** Answers whose text is the resident's own records. */
    private static final Set<String> PERSONAL = Set.of(Intent.MY_APPLICATIONS.value(), Intent.MY_NOTIFICATIONS.value());
    private static final int MAX_ANSWER_LENGTH = 4000;

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "smartid.chat.transcript-days", defaultValue = "30")
    int retentionDays;

    Clock clock = Clock.systemUTC();

    /** Keeps a question and its answer (not an empty, over-long or markup message: nothing was answered). */
    public void keep(String conversation, String message, ChatAnswer answer) {
        if (retentionDays <= 0 || conversation == null || message == null
                || answer.intent().equals(Intent.INVALID.value())) {
            return;
        }
        String question = cut(Redaction.redact(message.strip()), Chatbot.MAX_MESSAGE_LENGTH);
        String text = PERSONAL.contains(answer.intent()) ? null : cut(Redaction.redact(answer.answer()), MAX_ANSWER_LENGTH);
        entityManager.persist(new ChatTranscriptEntry(UUID.randomUUID().toString(), conversation,
                LocalDateTime.now(clock), answer.lang(), question, text, answer.serviceId(), answer.intent(),
                answer.confidence()));
    }

    /** Removes the entries older than the retention (all of them when none are to be kept). */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purge() {
        LocalDateTime now = LocalDateTime.now(clock);
        entityManager.createQuery("delete from ChatTranscriptEntry e where e.askedAt < :cutoff")
                .setParameter("cutoff", retentionDays <= 0 ? now.plusSeconds(1) : now.minusDays(retentionDays))
                .executeUpdate();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
