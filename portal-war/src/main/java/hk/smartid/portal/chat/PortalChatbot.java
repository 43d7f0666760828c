package hk.smartid.portal.chat;

import hk.smartid.chatbot.answer.Chatbot;
import hk.smartid.chatbot.answer.Conversations;
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

    private Conversations conversations;

    private volatile Chatbot built;
    /** The catalogue text last built or being built (a failed build is not tried again for the same text). */
    private String attempted;

    @PostConstruct
    void remember() {
        conversations = new Conversations(conversationCapacity, Duration.ofMinutes(conversationMinutes), Clock.systemUTC());
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
            built = new Chatbot(Catalogue.read(json), conversations);
            LOG.info(() -> String.format("Chatbot ready in %d ms", (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // a native library or a class the models need may be missing, or memory: say so (an executor's task
            // would otherwise end silently); the portal goes on without chat
            LOG.log(Level.SEVERE, "The chatbot cannot be built from the accepted catalogue", e);
        }
    }
}
