package hk.smartid.chatbot.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import hk.smartid.chatbot.language.Language;
import hk.smartid.chatbot.privacy.Redaction;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Optional: an answer about a service worded by a language model behind an OpenAI-compatible chat-completions
 * endpoint (LangChain4j), given only the facts the composer took from the catalogue and the redacted question. The
 * service, links, intent and confidence stay the composer's: retrieval never depends on the model. When the endpoint
 * fails, answers nothing or takes longer than the timeout, the composed answer is given and a warning logged.
 */
public final class GenerativePhrasing {

    private static final Logger LOG = Logger.getLogger(GenerativePhrasing.class.getName());

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Where the model is: the endpoint's base URL (before {@code /chat/completions}), the model's name, the key. */
    public record Settings(String baseUrl, String modelName, String apiKey, Duration timeout) {

        public Settings {
            if (isBlank(baseUrl) || isBlank(modelName) || isBlank(apiKey)) {
                throw new IllegalArgumentException("Generative phrasing needs a base URL, a model name and an API key");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Generative phrasing needs a positive timeout, not " + timeout);
            }
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }

    private final ChatModel model;

    public GenerativePhrasing(Settings settings) {
        this.model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(settings.modelName())
                .apiKey(settings.apiKey())
                .timeout(settings.timeout())
                // a resident is waiting: one try, then the composed answer
                .maxRetries(0)
                .build();
    }

    /** The composed answer worded by the model, or the composed answer itself when the model does not answer. */
    ChatAnswer phrase(ChatAnswer composed, String redactedQuestion, Language language) {
        try {
            String text = model.chat(SystemMessage.from(instruction(language)),
                    UserMessage.from(prompt(composed.answer(), redactedQuestion))).aiMessage().text();
            if (text == null || text.isBlank()) {
                LOG.warning("The language model answered nothing; the composed answer is given");
                return composed;
            }
            return new ChatAnswer(text.strip(), composed.lang(), composed.serviceId(), composed.links(),
                    composed.confidence(), composed.intent());
        } catch (RuntimeException e) {
            // the reason may quote what was sent or answered: redacted like everything else logged
            LOG.warning(() -> "The language model failed (" + Redaction.redact(e.getClass().getSimpleName() + ": "
                    + e.getMessage()) + "); the composed answer is given");
            return composed;
        }
    }

    /** What the model is told: the facts are all it may use. */
    static String instruction(Language language) {
        String written = switch (language) {
            case EN -> "English";
            case ZH_HK -> "Traditional Chinese as written in Hong Kong";
            case ZH_CN -> "Simplified Chinese";
        };
        return "You answer residents' questions about one Hong Kong government e-service on the GovHK portal. Use only"
                + " the facts given. Never add a fee, a rule, a date, a document, a phone number or a link that is not"
                + " in the facts; if the facts do not answer the question, say what they do say. Answer in " + written
                + ", in plain text without markup, in at most four short sentences.";
    }

    static String prompt(String facts, String redactedQuestion) {
        return "Facts:\n" + facts + "\n\nQuestion: " + redactedQuestion;
    }
}
