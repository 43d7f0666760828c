package hk.smartid.bench;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.platform.Platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Issue 4's and 14's comparison: the person-data API beside Keycloak's own userinfo endpoint, with the same
 * DPoP-bound token, the same concurrency, one after the other in the same run (a warm-up round of each first).
 */
final class PersonDataBesideUserinfo {

    private final int clients;
    private final int seconds;
    private final LongSupplier idpCpuNanos;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param idpCpuNanos the IdP's CPU time so far, to report its CPU per response; {@code null} when not known */
    PersonDataBesideUserinfo(int clients, int seconds, LongSupplier idpCpuNanos) {
        this.clients = clients;
        this.seconds = seconds;
        this.idpCpuNanos = idpCpuNanos;
    }

    /** The measured round's figures, as the lines to report. */
    List<String> measure(Platform platform) throws Exception {
        TestBank bank = TestBank.register(platform);
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Benchmark");
        AccessToken token = bank.openAccount(resident);
        URI userinfo = URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/userinfo");
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> lines = new ArrayList<>();
        for (String round : List.of("warm-up", "measured")) {
            int roundSeconds = round.equals("warm-up") ? 5 : seconds;
            Throughput personData = hammer(roundSeconds, () -> bank.personData(token));
            Throughput keycloakUserinfo = hammer(roundSeconds, () -> http.send(HttpRequest.newBuilder(userinfo).GET()
                    .header("Authorization", "DPoP " + token.getValue())
                    .header("DPoP", bank.dpop().createDPoPJWT("GET", userinfo, token).serialize())
                    .build(), HttpResponse.BodyHandlers.ofString()));
            if (round.equals("measured")) {
                lines.add(personData.line("person-data API (JWS in JWE, disclosure logged)", clients, cores));
                lines.add(keycloakUserinfo.line("Keycloak userinfo (same DPoP-bound token)", clients, cores));
                lines.add("person-data / userinfo throughput ratio: %.2f (goal at least 0.8), load average %.1f"
                        .formatted(personData.perSecond() / keycloakUserinfo.perSecond(), CpuTime.loadAverage()));
            }
        }
        return lines;
    }

    private Throughput hammer(int roundSeconds, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Latencies latencies = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        long idpBefore = idpCpuNanos == null ? 0 : idpCpuNanos.getAsLong();
        long clientBefore = CpuTime.clientNanos();
        long end = System.nanoTime() + roundSeconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    if (call.call().statusCode() != 200) {
                        refused.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double idpMillis = idpCpuNanos == null ? Double.NaN : (idpCpuNanos.getAsLong() - idpBefore) / 1e6;
        return new Throughput(latencies, refused.get(), (System.nanoTime() - start) / 1e9, idpMillis,
                (CpuTime.clientNanos() - clientBefore) / 1e6);
    }

    private record Throughput(Latencies latencies, int refused, double seconds, double idpCpuMillis, double clientCpuMillis) {

        double perSecond() {
            return latencies.count() / seconds;
        }

        String line(String what, int clients, int cores) {
            String cpu = Double.isNaN(idpCpuMillis) ? "" : "; CPU per response: IdP %.2f ms, clients %.2f ms"
                    .formatted(idpCpuMillis / latencies.count(), clientCpuMillis / latencies.count());
            return ("%s: %d concurrent clients, %d responses (%d not 200) in %.1f s = %.0f/s, %.0f/s per core (%d cores,"
                    + " clients on the same machine); p50 %.1f ms, p99 %.1f ms%s").formatted(what, clients,
                    latencies.count(), refused, seconds,
                    perSecond(), perSecond() / cores, cores, latencies.percentile(50), latencies.percentile(99), cpu);
        }
    }
}
