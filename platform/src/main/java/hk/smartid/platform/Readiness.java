package hk.smartid.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits until a server answers, polling its URL, and gives up with what it last answered and its log's tail. */
final class Readiness {

    /** Enough of a server's log to show why it did not start, where only the build's output is kept (CI). */
    private static final int LOG_TAIL_LINES = 60;

    /**
     * Long enough for a first page that a busy machine renders slowly: a short one gives up on requests the server
     * still works on, and the next tries queue behind them.
     */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            // HTTP/1.1: the JDK's upgrade to HTTP/2 over cleartext once hung for good on a second Payara, request
            // timeout or not (./run.sh cluster).
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Readiness() {
    }

    static void awaitOk(String server, URI url, Duration timeout, BooleanSupplier stillRunning, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no connection";
        while (Instant.now().isBefore(deadline)) {
            if (!stillRunning.getAsBoolean()) {
                throw new PlatformStartException(server + " stopped while starting; see " + log + logTail(log));
            }
            lastAnswer = answer(url);
            if (lastAnswer.equals("200")) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartException("Interrupted while waiting for " + server);
            }
        }
        throw new PlatformStartException(server + " did not answer 200 at " + url + " within " + timeout.toSeconds()
                + " s (last answer: " + lastAnswer + "); see " + log + logTail(log));
    }

    private static String answer(URI url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url).timeout(ANSWER_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (HttpTimeoutException e) {
            return "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
        } catch (ConnectException e) {
            return "no connection";
        } catch (IOException e) {
            return "connection broken (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
