package hk.smartid.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits until a server answers, polling its URL, and gives up with the log to read. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Readiness() {
    }

    static void awaitOk(String server, URI url, Duration timeout, BooleanSupplier stillRunning, String logHint) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!stillRunning.getAsBoolean()) {
                throw new PlatformStartException(server + " stopped while starting; see " + logHint);
            }
            if (answersOk(url)) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartException("Interrupted while waiting for " + server);
            }
        }
        throw new PlatformStartException(server + " did not answer at " + url + " within " + timeout.toSeconds()
                + " s; see " + logHint);
    }

    static boolean answersOk(URI url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
