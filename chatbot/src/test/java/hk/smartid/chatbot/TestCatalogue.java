package hk.smartid.chatbot;

import hk.smartid.chatbot.answer.Chatbot;
import hk.smartid.chatbot.answer.Conversations;
import hk.smartid.chatbot.catalogue.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/** The platform's catalogue (module config) and one chatbot built from it, shared by the tests: building takes seconds. */
public final class TestCatalogue {

    private static Catalogue catalogue;
    private static Chatbot chatbot;
    private static final Conversations CONVERSATIONS = new Conversations(100, Duration.ofMinutes(30), Clock.systemUTC());

    private TestCatalogue() {
    }

    public static synchronized Catalogue catalogue() {
        if (catalogue == null) {
            try (InputStream in = TestCatalogue.class.getResourceAsStream("/catalogue/services.json")) {
                catalogue = Catalogue.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalogue;
    }

    public static Conversations conversations() {
        return CONVERSATIONS;
    }

    public static synchronized Chatbot chatbot() {
        if (chatbot == null) {
            chatbot = new Chatbot(catalogue(), CONVERSATIONS);
        }
        return chatbot;
    }
}
