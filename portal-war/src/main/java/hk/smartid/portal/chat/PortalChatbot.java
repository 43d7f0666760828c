package hk.smartid.portal.chat;

import hk.smartid.chatbot.answer.Chatbot;
import hk.smartid.chatbot.answer.Conversations;
import hk.smartid.chatbot.answer.GenerativePhrasing;
import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.portal.catalogue.PortalCatalogue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chatbot of the catalogue the portal accepted ({@link PortalCatalogue#json()}): built in the background at
 * start-up (indexing and embedding the catalogue takes seconds, which the portal's start need not wait for) and
 * built again whenever the accepted catalogue is another one; the previous chatbot answers meanwhile.
 * Conversations (the context of follow-up questions) live here, in memory only, bounded: at most
 * {@code smartid.chat.conversations}, each forgotten {@code smartid.chat.conversation-minutes} after its last message.
 */
@ApplicationScoped
public class PortalChatbot {

    private static final Logger LOG = Logger.getLogger(PortalChatbot.class.getName());

    @Inject
    PortalCatalogue catalogue;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "smartid.chat.conversation-minutes", defaultValue = "30")
    int conversationMinutes;

    @Inject
    @ConfigProperty(name = "smartid.chat.conversations", defaultValue = "10000")
    int conversationCapacity;

    /** An OpenAI-compatible endpoint that words answers about a service (GenerativePhrasing); none by default. */
    @Inject
    @ConfigProperty(name = "smartid.chat.model.base-url")
    Optional<String> modelBaseUrl;

    @Inject
    @ConfigProperty(name = "smartid.chat.model.name")
    Optional<String> modelName;

    @Inject
    @ConfigProperty(name = "smartid.chat.model.api-key")
    Optional<String> modelApiKey;

    @Inject
    @ConfigProperty(name = "smartid.chat.model.timeout-seconds", defaultValue = "5")
    int modelTimeoutSeconds;

    private Conversations conversations;
    private GenerativePhrasing phrasing;

    private volatile Chatbot built;
    /** The catalogue text last built or being built (a failed build is not tried again for the same text). */
    private String attempted;

    @PostConstruct
    void remember() {
        conversations = new Conversations(conversationCapacity, Duration.ofMinutes(conversationMinutes), Clock.systemUTC());
        if (modelBaseUrl.isPresent()) {
            try {
                phrasing = new GenerativePhrasing(new GenerativePhrasing.Settings(modelBaseUrl.get(),
                        modelName.orElse(null), modelApiKey.orElse(null), Duration.ofSeconds(modelTimeoutSeconds)));
                LOG.info(() -> "Chat answers are worded by the model " + modelName.get() + " at " + modelBaseUrl.get());
            } catch (IllegalArgumentException e) {
                // the chat still answers, composed from the catalogue
                LOG.severe("smartid.chat.model.base-url is set but generative phrasing cannot be used: " + e.getMessage()
                        + " (smartid.chat.model.name, smartid.chat.model.api-key, smartid.chat.model.timeout-seconds)");
            }
        }
    }

    /** After {@link PortalCatalogue} imported the catalogue (it observes the same event at the default priority). */
    void buildAtStartUp(@Observes @Priority(Interceptor.Priority.APPLICATION + 600)
                        @Initialized(ApplicationScoped.class) Object started) {
        rebuildIfChanged();
    }

    /** The chatbot of the catalogue in force, empty while the first one is being built or without a catalogue. */
    public Optional<Chatbot> chatbot() {
        rebuildIfChanged();
        return Optional.ofNullable(built);
    }

    private synchronized void rebuildIfChanged() {
        String json = catalogue.json();
        if (!catalogue.isAvailable() || json.equals(attempted)) {
            return;
        }
        attempted = json;
        executor.execute(() -> build(json));
    }

    private void build(String json) {
        LOG.info("Building the chatbot from the accepted catalogue");
        try {
            long start = System.nanoTime();
            built = new Chatbot(Catalogue.read(json), conversations, phrasing);
            LOG.info(() -> String.format("Chatbot ready in %d ms", (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // a native library or a class the models need may be missing, or memory: say so (an executor's task
            // would otherwise end silently); the portal goes on without chat
            LOG.log(Level.SEVERE, "The chatbot cannot be built from the accepted catalogue", e);
        }
    }
}
