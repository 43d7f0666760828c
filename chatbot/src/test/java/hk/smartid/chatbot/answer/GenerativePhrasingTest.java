package hk.smartid.chatbot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hk.smartid.chatbot.TestCatalogue;
import hk.smartid.chatbot.language.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generative phrasing against a local HTTP server speaking OpenAI's chat-completions JSON (it stands for the external
 * endpoint an operator may configure; none is shipped): what is sent is the composed facts and the redacted question
 * only, the answer is the model's words with the composer's service, links, intent and confidence, and an error or a
 * slow endpoint gives the composed answer.
 */
class GenerativePhrasingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_TEXT = "Renewing your full driving licence online is quick (written by the model).";
    private static final String QUESTION = "How much to renew my driving licence? HKID A123456(3), phone 9123 4567";

    private static HttpServer endpoint;
    private static ExecutorService threads;
    private static volatile Behaviour behaviour;
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static Chatbot phrased;

    private enum Behaviour { ANSWER, FAIL, SLOW }

    private record Request(String authorization, JsonNode body) {
    }

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/v1/chat/completions", GenerativePhrasingTest::chatCompletions);
        threads = Executors.newCachedThreadPool();
        endpoint.setExecutor(threads);
        endpoint.start();
        GenerativePhrasing phrasing = new GenerativePhrasing(new GenerativePhrasing.Settings(
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/v1", "test-model", "test-key",
                Duration.ofMillis(1500)));
        phrased = new Chatbot(TestCatalogue.catalogue(), new Conversations(10, Duration.ofMinutes(5), Clock.systemUTC()),
                phrasing);
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.stop(0);
        threads.shutdownNow();
    }

    @BeforeEach
    void answerNormally() {
        behaviour = Behaviour.ANSWER;
        REQUESTS.clear();
    }

    @Test
    void theModelWordsTheAnswerFromTheRetrievedFactsAndTheRedactedQuestionOnly() {
        ChatAnswer composed = TestCatalogue.chatbot().ask(Question.of(QUESTION));
        ChatAnswer answer = phrased.ask(Question.of(QUESTION));

        assertThat(composed.serviceId()).isEqualTo("driving-licence-renewal");
        assertThat(answer.answer()).isEqualTo(MODEL_TEXT);
        assertThat(answer).usingRecursiveComparison().ignoringFields("answer").isEqualTo(composed);

        assertThat(REQUESTS).hasSize(1);
        Request request = REQUESTS.get(0);
        assertThat(request.authorization()).isEqualTo("Bearer test-key");
        assertThat(request.body().path("model").asText()).isEqualTo("test-model");
        JsonNode messages = request.body().path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo(GenerativePhrasing.instruction(Language.EN));
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Facts:\n" + composed.answer()
                + "\n\nQuestion: How much to renew my driving licence? HKID [HKID], phone [PHONE]");
        assertThat(request.body().toString()).doesNotContain("A123456", "9123");
    }

    @Test
    void anErrorFromTheEndpointGivesTheComposedAnswer() {
        behaviour = Behaviour.FAIL;

        ChatAnswer answer = phrased.ask(Question.of(QUESTION));

        assertThat(REQUESTS).hasSize(1);
        assertThat(answer).isEqualTo(TestCatalogue.chatbot().ask(Question.of(QUESTION)));
    }

    @Test
    void anEndpointSlowerThanTheTimeoutGivesTheComposedAnswer() {
        behaviour = Behaviour.SLOW;

        long start = System.nanoTime();
        ChatAnswer answer = phrased.ask(Question.of(QUESTION));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer).isEqualTo(TestCatalogue.chatbot().ask(Question.of(QUESTION)));
        assertThat(waited).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void questionsAboutNoServiceAndPersonalQuestionsAreNotSentToTheModel() {
        ChatAnswer weather = phrased.ask(Question.of("will it rain in Sha Tin tomorrow afternoon?"));
        ChatAnswer personal = phrased.ask(Question.of("what is the status of my application?"));

        assertThat(weather.intent()).isEqualTo("fallback");
        assertThat(personal.intent()).isEqualTo("my-applications");
        assertThat(REQUESTS).isEmpty();
    }

    private static void chatCompletions(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        REQUESTS.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"), body));
        switch (behaviour) {
            case FAIL -> send(exchange, 500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            case SLOW -> {
                try {
                    Thread.sleep(6000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, completion("too late"));
            }
            case ANSWER -> send(exchange, 200, completion(MODEL_TEXT));
        }
    }

    private static String completion(String text) {
        ObjectNode completion = JSON.createObjectNode();
        completion.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1).put("model", "test-model");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return completion.toString();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up waiting (the timeout test)
        }
    }
}
