package hk.smartid.chatbot.answer;

import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;
import hk.smartid.chatbot.language.LanguageDetector;
import hk.smartid.chatbot.privacy.Redaction;
import hk.smartid.chatbot.retrieval.HybridRetriever;
import hk.smartid.chatbot.retrieval.Retrieval;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The chatbot: from a message to an answer about a catalogue service (or an honest "I don't know"), in the
 * message's language. Built once per catalogue (the indexes and embeddings take a few seconds); safe for
 * concurrent questions.
 */
public final class Chatbot {

    private static final Logger LOG = Logger.getLogger(Chatbot.class.getName());

    public static final int MAX_MESSAGE_LENGTH = 1000;
    /** Below this, a question naming a fact (fee, documents...) in a conversation about a service is about it. */
    private static final double CLEARLY_ANOTHER_SERVICE = 0.85;
    /** Services named when the chatbot is not sure. */
    private static final int CLOSEST = 3;
    /** Markup or script: an HTML tag, an entity-encoded tag or a javascript: URL. */
    private static final Pattern MARKUP = Pattern.compile("(?i)<\\s*[a-z/!?]|&lt;|javascript\\s*:");

    private final HybridRetriever retriever;
    private final LanguageDetector detector;
    private final Conversations conversations;
    private final AnswerComposer composer = new AnswerComposer();
    /** Null: every answer is the composed one. */
    private final GenerativePhrasing phrasing;

    public Chatbot(Catalogue catalogue, Conversations conversations) {
        this(catalogue, conversations, null);
    }

    /** With {@code phrasing} (may be null), answers about a service are worded by a language model from their facts. */
    public Chatbot(Catalogue catalogue, Conversations conversations, GenerativePhrasing phrasing) {
        this.retriever = new HybridRetriever(catalogue);
        this.detector = new LanguageDetector(catalogue);
        this.conversations = conversations;
        this.phrasing = phrasing;
    }

    public Language detectLanguage(String message) {
        return detector.detect(message);
    }

    public ChatAnswer ask(Question question) {
        Optional<Language> asked = Language.fromTag(question.lang());
        String message = question.message() == null ? "" : question.message().strip();
        if (message.isEmpty()) {
            return composer.plain(Intent.INVALID, asked.orElse(Language.EN), "invalid.empty");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            return composer.plain(Intent.INVALID, asked.orElseGet(() -> detector.detect(message.substring(0, 200))),
                    "invalid.tooLong", MAX_MESSAGE_LENGTH);
        }
        Language written = detector.detect(message);
        Language language = asked.orElse(written);
        if (MARKUP.matcher(message).find()) {
            return composer.plain(Intent.INVALID, language, "invalid.markup");
        }
        String redacted = Redaction.redact(message);
        ChatAnswer answer = answer(redacted, written, language, question);
        if (phrasing != null && answer.intent().equals(Intent.SERVICE_INFO.value())) {
            answer = phrasing.phrase(answer, redacted, language);
        }
        conversations.record(question.conversation(), language,
                new Conversations.Turn(redacted, answer.answer(), answer.serviceId()));
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(String.format(Locale.ROOT, "chat [%s] %s -> %s %s %.2f", language.tag(), redacted,
                    answer.intent(), answer.serviceId(), answer.confidence()));
        }
        return answer;
    }

    /** {@code written}: the message's own language, which retrieval reads it in; {@code language}: the answer's. */
    private ChatAnswer answer(String message, Language written, Language language, Question question) {
        Optional<PersonalTopic> personal = PersonalTopic.askedIn(message);
        if (personal.isPresent()) {
            return composer.personal(personal.get(), language, question.resident());
        }
        Retrieval retrieval = retriever.retrieve(message, written);
        Facet facet = Facet.askedIn(message).orElse(null);
        Optional<Service> current = conversations.currentService(question.conversation())
                .flatMap(retriever.catalogue()::service);
        if (current.isPresent() && facet != null && retrieval.confidence() < CLEARLY_ANOTHER_SERVICE) {
            return composer.service(current.get(), language, facet, true, retrieval.confidence());
        }
        if (retrieval.confidence() >= HybridRetriever.CONFIDENT) {
            return composer.service(retrieval.best().service(), language, facet, false, retrieval.confidence());
        }
        return composer.fallback(retrieval.matches().subList(0, CLOSEST), language, retrieval.confidence());
    }
}
