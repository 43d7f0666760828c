package hk.smartid.bench;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
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

    BankingBenchmark(Platform platform) {
        this.platform = platform;
    }

    @Test
    void personDataBesideUserinfoAndWholeFlowsPerSecond() throws Exception {
        CpuTime.awaitPortalAtRest(platform);
        for (String line : new PersonDataBesideUserinfo(CLIENTS, SECONDS, () -> CpuTime.idpProcesses(platform)).measure(platform)) {
            Latencies.report("%s", line);
        }

        TestBank bank = TestBank.register(platform);
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
}
