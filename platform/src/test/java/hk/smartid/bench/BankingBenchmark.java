package hk.smartid.bench;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

/**
 * Issue 4's figures: the person-data API beside Keycloak's own userinfo endpoint (same DPoP-bound token,
 * same concurrency, same run), and whole account-opening flows per second without a browser (passkey
 * answers written with WebAuthn4J). Prints BENCHMARK lines; asserts nothing about speed.
 * {@code ./mvnw -B verify -Pbenchmark -Dit.test=BankingBenchmark}
 */
@ExtendWith(RunningPlatform.class)
class BankingBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int FLOW_CLIENTS = Integer.getInteger("bench.flow-clients", 4);
    private static final int FLOWS = Integer.getInteger("bench.flows", 200);

    private final Platform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    BankingBenchmark(Platform platform) {
        this.platform = platform;
    }

    @Test
    void personDataBesideUserinfoAndWholeFlowsPerSecond() throws Exception {
        TestBank bank = TestBank.register(platform);
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Benchmark");
        AccessToken token = bank.openAccount(resident);
        URI userinfo = URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/userinfo");
        int cores = Runtime.getRuntime().availableProcessors();

        for (String round : List.of("warm-up", "measured")) {
            int seconds = round.equals("warm-up") ? 5 : SECONDS;
            Throughput personData = hammer(seconds, () -> bank.personData(token));
            Throughput keycloakUserinfo = hammer(seconds, () -> get(userinfo, token, bank));
            if (round.equals("measured")) {
                personData.report("person-data API (JWS in JWE, disclosure logged)", cores);
                keycloakUserinfo.report("Keycloak userinfo (same DPoP-bound token)", cores);
                Latencies.report("person-data / userinfo throughput ratio: %.2f", personData.perSecond() / keycloakUserinfo.perSecond());
            }
        }

        List<BrowserlessResident> residents = new ArrayList<>();
        for (int i = 0; i < FLOW_CLIENTS; i++) {
            residents.add(BrowserlessResident.activatedAtCounter(platform, "Benchmark"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(FLOW_CLIENTS);
        Latencies flowNanos = new Latencies();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (BrowserlessResident each : residents) {
            running.add(pool.submit(() -> {
                while (next.getAndIncrement() < FLOWS) {
                    long t = System.nanoTime();
                    each.forgetSessions();
                    AccessToken flowToken = bank.openAccount(each);
                    if (bank.personData(flowToken).statusCode() != 200) {
                        throw new AssertionError("Person data refused in a flow");
                    }
                    flowNanos.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Latencies.report("whole account-opening flow (PAR, passkey login, consent, token with DPoP, person data), "
                        + "%d residents in parallel: %d flows in %.1f s = %.1f flows/s; p50 %.0f ms, p99 %.0f ms",
                FLOW_CLIENTS, flowNanos.count(), seconds, flowNanos.count() / seconds, flowNanos.percentile(50),
                flowNanos.percentile(99));
    }

    private HttpResponse<String> get(URI uri, AccessToken token, TestBank bank) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET()
                .header("Authorization", "DPoP " + token.getValue())
                .header("DPoP", bank.dpop().createDPoPJWT("GET", uri, token).serialize())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Throughput hammer(int seconds, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Latencies latencies = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
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
        return new Throughput(latencies, refused.get(), (System.nanoTime() - start) / 1e9);
    }

    private record Throughput(Latencies latencies, int refused, double seconds) {

        double perSecond() {
            return latencies.count() / seconds;
        }

        void report(String what, int cores) {
            Latencies.report("%s: %d concurrent clients, %d responses (%d not 200) in %.1f s = %.0f/s, %.0f/s per core"
                            + " (%d cores, clients on the same machine); p50 %.1f ms, p99 %.1f ms",
                    what, CLIENTS, latencies.count(), refused, seconds, perSecond(), perSecond() / cores, cores,
                    latencies.percentile(50), latencies.percentile(99));
        }
    }
}
