package hk.smartid.bench;

import hk.smartid.cluster.RunningCluster;
import hk.smartid.platform.Platform;
import hk.smartid.platform.PlatformCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

/**
 * Issue 13's figures: passkey logins through the portal beside Keycloak's stock password login (the authorization code
 * flow of {@link LoginBenchmark}, its residents, realm and client), on the production shape ({@link PlatformCluster}:
 * HAProxy, both portal instances) with its two Keycloak nodes, then with one (node 2 stopped, then started again), in
 * one run, the two kinds taking turns. Prints BENCHMARK lines (flows/s, p50/p95/p99, errors); asserts nothing about speed. Not a test of
 * the cluster profile (no IT suffix):
 * {@code ./mvnw -B verify -pl platform -am -Pcluster -Dit.test=ClusterLoginBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dportal.it.skip=true}
 */
@ExtendWith(RunningCluster.class)
class ClusterLoginBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int TURNS = Integer.getInteger("bench.turns", 4);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 5);

    private final PlatformCluster cluster;
    private final Platform platform;

    ClusterLoginBenchmark(PlatformCluster cluster, Platform platform) {
        this.cluster = cluster;
        this.platform = platform;
    }

    @Test
    void passkeyLoginsThroughThePortalBesidePasswordLoginsOnTwoKeycloakNodesThenOne() throws Exception {
        double loadBefore = CpuTime.loadAverage();
        LoginBenchmark logins = new LoginBenchmark(platform);
        List<PortalResident> residents = PortalResident.register(platform, LoginBenchmark.THREADS, "Login Bench");
        List<LoginBenchmark.PasswordUser> passwordUsers = logins.passwordRealm();
        LoginBenchmark.CodeFlowClient passwordClient = logins.codeFlowClient(LoginBenchmark.PASSWORD_REALM);
        LoadRun.Attempt passkey = (worker, n) -> residents.get(worker).logIn(platform);
        LoadRun.Attempt password = (worker, n) -> logins.passwordLogin(passwordUsers.get(worker), passwordClient);

        for (int nodes = 2; nodes >= 1; nodes--) {
            if (nodes == 1) {
                cluster.stopKeycloakNode(2);
            }
            new LoadRun().run(THREADS, WARM_UP_SECONDS, passkey);
            new LoadRun().run(THREADS, WARM_UP_SECONDS, password);
            System.out.printf("measuring logins on %d Keycloak node(s) from %s%n", nodes, Instant.now());
            LoadRun passkeyRun = new LoadRun();
            LoadRun passwordRun = new LoadRun();
            for (int turn = 0; turn < TURNS; turn++) {
                passkeyRun.run(THREADS, (double) SECONDS / TURNS, passkey);
                passwordRun.run(THREADS, (double) SECONDS / TURNS, password);
            }
            report(nodes, "passkey login through the portal (/login, IdP login page, assertion, code to the portal,"
                    + " portal session, dashboard 200)", passkeyRun);
            report(nodes, "Keycloak's stock password login (code flow with PKCE, plain realm, default hashing)", passwordRun);
            Latencies.report("cluster logins on %d Keycloak node(s): ratio passkey/password %.2f", nodes,
                    passkeyRun.perSecond() / passwordRun.perSecond());
        }
        cluster.startKeycloakNode(2);
        Latencies.report("cluster logins: %d threads, %d s per kind and node count in %d turns after %d s of warm-up;"
                        + " both portal instances throughout; %d cores shared by the clients, every server and anything"
                        + " else running; 1-minute load average %.2f before the set-up, %.2f at the end",
                THREADS, SECONDS, TURNS, WARM_UP_SECONDS, Runtime.getRuntime().availableProcessors(), loadBefore,
                CpuTime.loadAverage());
    }

    private static void report(int nodes, String kind, LoadRun run) {
        Latencies latencies = run.latencies();
        Latencies.report("cluster logins on %d Keycloak node(s), %s: %d flows, %d errors, %.1f flows/s; p50 %.0f ms,"
                        + " p95 %.0f ms, p99 %.0f ms%s", nodes, kind, run.count(), run.errors(), run.perSecond(),
                latencies.percentile(50), latencies.percentile(95), latencies.percentile(99),
                run.firstError() == null ? "" : "; first error: " + run.firstError());
    }
}
