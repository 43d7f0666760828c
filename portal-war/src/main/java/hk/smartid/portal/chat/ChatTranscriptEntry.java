package hk.smartid.portal.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * One question to the chatbot and its answer, as {@link ChatTranscripts} keeps it: already redacted, naming no
 * resident (the conversation is the random id of the browser session's chat).
 */
@Entity
@Table(name = "chat_transcript")
public class ChatTranscriptEntry {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "conversation", nullable = false)
    private String conversation;

    /** UTC, as the other tables keep time. */
    @Column(name = "asked_at", nullable = false)
    private LocalDateTime askedAt;

    @Column(name = "language", nullable = false)
    private String language;

    @Column(name = "question", nullable = false)
    private String question;

    /** Null when the answer was about the resident's own records. */
    @Column(name = "answer")
    private String answer;

    @Column(name = "service_id")
    private String serviceId;

    @Column(name = "intent", nullable = false)
    private String intent;

    @Column(name = "confidence", nullable = false)
    private double confidence;

    protected ChatTranscriptEntry() {
        // JPA
    }

    ChatTranscriptEntry(String id, String conversation, LocalDateTime askedAt, String language, String question,
                        String answer, String serviceId, String intent, double confidence) {
        this.id = id;
        this.conversation = conversation;
        this.askedAt = askedAt;
        this.language = language;
        this.question = question;
        this.answer = answer;
        this.serviceId = serviceId;
        this.intent = intent;
        this.confidence = confidence;
    }

    public String getConversation() {
        return conversation;
    }

    public LocalDateTime getAskedAt() {
        return askedAt;
    }

    public String getLanguage() {
        return language;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return answer;
    }

    public String getServiceId() {
        return serviceId;
    }

    public String getIntent() {
        return intent;
    }

    public double getConfidence() {
        return confidence;
    }
}
