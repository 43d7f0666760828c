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
import java.util.function.Supplier;

/**
 * Issue 4's and 14's comparison: the person-data API beside Keycloak's own userinfo endpoint, with the same
 * DPoP-bound token, the same concurrency, one after the other in the same run. Both are measured on a JVM at steady
 * state: warm-up rounds of each alternate until Keycloak's JIT compilers are nearly idle (at most
 * {@code -Dbench.warm-up-pairs}, default 12, pairs of 10-s rounds; they settle after 8 to 12 here). Otherwise the
 * endpoint measured first pays for compiling the code both share (token and DPoP checks, sessions): after the single
 * 5-second warm-up this class had, compiling took 29% of Keycloak's CPU over the rounds, and userinfo measured 408/s
 * in one run and 711/s in the next.
 */
final class PersonDataBesideUserinfo {

    /** A warm-up pair counts as steady once the JIT compilers used less than this share of the IdP's CPU. */
    private static final double STEADY_JIT_SHARE = 0.03;
    private static final int WARM_UP_SECONDS = 10;
    private static final int MAX_WARM_UP_PAIRS = Integer.getInteger("bench.warm-up-pairs", 12);

    private final int clients;
    private final int seconds;
    private final Supplier<List<ProcessHandle>> idp;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param idp the IdP's processes, to report its CPU per response and wait for its JIT; {@code null} when not known */
    PersonDataBesideUserinfo(int clients, int seconds, Supplier<List<ProcessHandle>> idp) {
        this.clients = clients;
        this.seconds = seconds;
        this.idp = idp;
    }

    /** The measured round's figures, as the lines to report. */
    List<String> measure(Platform platform) throws Exception {
        TestBank bank = TestBank.register(platform);
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Benchmark");
        AccessToken token = bank.openAccount(resident);
        URI userinfo = URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/userinfo");
        Callable<HttpResponse<String>> personData = () -> bank.personData(token);
        Callable<HttpResponse<String>> keycloakUserinfo = () -> http.send(HttpRequest.newBuilder(userinfo).GET()
                .header("Authorization", "DPoP " + token.getValue())
                .header("DPoP", bank.dpop().createDPoPJWT("GET", userinfo, token).serialize())
                .build(), HttpResponse.BodyHandlers.ofString());
        int pairs = 0;
        double jitShare;
        do {
            Throughput first = hammer(WARM_UP_SECONDS, personData);
            Throughput second = hammer(WARM_UP_SECONDS, keycloakUserinfo);
            pairs++;
            jitShare = (first.idpJitMillis() + second.idpJitMillis()) / (first.idpCpuMillis() + second.idpCpuMillis());
            // Unknown (NaN) where the JIT's or the IdP's CPU time cannot be read: one pair, as a plain warm-up.
        } while (jitShare >= STEADY_JIT_SHARE && pairs < MAX_WARM_UP_PAIRS);
        System.out.printf("Person data beside userinfo: warmed up after %d pairs of rounds, measuring%n", pairs);
        Throughput measuredPersonData = hammer(seconds, personData);
        Throughput measuredUserinfo = hammer(seconds, keycloakUserinfo);
        int cores = Runtime.getRuntime().availableProcessors();
        return List.of(
                "warm-up: %d pairs of %d-s rounds of each (the last: Keycloak's JIT compilers %s of its CPU)"
                        .formatted(pairs, WARM_UP_SECONDS, Double.isNaN(jitShare) ? "unknown" : "%.1f%%".formatted(100 * jitShare)),
                measuredPersonData.line("person-data API (JWS in JWE, disclosure logged)", clients, cores),
                measuredUserinfo.line("Keycloak userinfo (same DPoP-bound token)", clients, cores),
                "person-data / userinfo throughput ratio: %.2f (goal at least 0.8), load average %.1f"
                        .formatted(measuredPersonData.perSecond() / measuredUserinfo.perSecond(), CpuTime.loadAverage()));
    }

    private Throughput hammer(int roundSeconds, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Latencies latencies = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        long idpBefore = idp == null ? 0 : CpuTime.nanos(idp.get());
        long jitBefore = idp == null ? 0 : CpuTime.jitNanos(idp.get());
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
        double idpMillis = idp == null ? Double.NaN : (CpuTime.nanos(idp.get()) - idpBefore) / 1e6;
        long jitAfter = idp == null ? -1 : CpuTime.jitNanos(idp.get());
        double jitMillis = jitBefore < 0 || jitAfter < 0 ? Double.NaN : (jitAfter - jitBefore) / 1e6;
        return new Throughput(latencies, refused.get(), (System.nanoTime() - start) / 1e9, idpMillis, jitMillis,
                (CpuTime.clientNanos() - clientBefore) / 1e6);
    }

    private record Throughput(Latencies latencies, int refused, double seconds, double idpCpuMillis, double idpJitMillis,
                              double clientCpuMillis) {

        double perSecond() {
            return latencies.count() / seconds;
        }

        String line(String what, int clients, int cores) {
            String cpu = Double.isNaN(idpCpuMillis) ? "" : "; CPU per response: IdP %.2f ms (its JIT %.2f ms), clients %.2f ms"
                    .formatted(idpCpuMillis / latencies.count(), idpJitMillis / latencies.count(),
                            clientCpuMillis / latencies.count());
            return ("%s: %d concurrent clients, %d responses (%d not 200) in %.1f s = %.0f/s, %.0f/s per core (%d cores,"
                    + " clients on the same machine); p50 %.1f ms, p99 %.1f ms%s").formatted(what, clients,
                    latencies.count(), refused, seconds,
                    perSecond(), perSecond() / cores, cores, latencies.percentile(50), latencies.percentile(99), cpu);
        }
    }
}
