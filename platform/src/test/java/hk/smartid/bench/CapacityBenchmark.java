package hk.smartid.bench;

import hk.smartid.cluster.RunningCluster;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.PlatformCluster;
import hk.smartid.platform.ResidentSeeding;
import hk.smartid.platform.SyntheticResident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 14's figures on the production shape ({@link RunningCluster}: PostgreSQL, two Keycloak nodes, two portal
 * instances, HAProxy), at each population of {@code -Dbench.populations} (default 10,000 and 1,000,000): the realm is
 * seeded up to it with {@code ./run.sh seed}'s batch enrolment (residents/s), then the database's size, find-by-HKID
 * latency (p50/p95/p99, goal p95 under 20 ms at a million), enrolments/s through the counter API, passkey logins
 * through the portal (flows/s) and the person-data API beside Keycloak's userinfo at 16 clients are measured. Prints
 * BENCHMARK lines; asserts nothing about speed.
 * {@code ./mvnw -B verify -pl platform -am -Pbenchmark -Dit.test=CapacityBenchmark -Dportal.it.skip=true}
 */
@ExtendWith(RunningCluster.class)
class CapacityBenchmark {

    private static final int[] POPULATIONS = Arrays.stream(System.getProperty("bench.populations", "10000,1000000")
            .split(",")).mapToInt(population -> Integer.parseInt(population.trim())).toArray();
    private static final int SEED_CLIENTS = Integer.getInteger("bench.seed-clients", 2);
    /** How long seeding may take in all (0: no limit); when it runs out, the figures are taken at the population reached. */
    private static final int SEED_MINUTES = Integer.getInteger("bench.seed-minutes", 0);
    private static final int SEED_CHUNK = 20_000;
    private static final int LOOKUPS = Integer.getInteger("bench.lookups", 1_000);
    private static final int ENROLMENTS = Integer.getInteger("bench.enrolments", 200);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int LOGIN_SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int PERSON_DATA_CLIENTS = Integer.getInteger("bench.person-data-clients", 16);

    private final PlatformCluster cluster;
    private final Platform platform;

    CapacityBenchmark(PlatformCluster cluster, Platform platform) {
        this.cluster = cluster;
        this.platform = platform;
    }

    @Test
    void lookupsEnrolmentsAndLoginsAtEachPopulation() throws Exception {
        Instant seedingEnds = SEED_MINUTES > 0 ? Instant.now().plus(Duration.ofMinutes(SEED_MINUTES)) : Instant.MAX;
        List<PortalResident> residents = PortalResident.register(platform, CLIENTS, "Capacity Bench");
        long emptySize = databaseBytes();
        int seeded = 0;
        for (int population : POPULATIONS) {
            double loadBefore = CpuTime.loadAverage();
            long start = System.nanoTime();
            int enrolled = 0;
            // In chunks, so that a run given -Dbench.seed-minutes measures at the population it reached.
            while (seeded < population && Instant.now().isBefore(seedingEnds)) {
                int from = seeded;
                int chunk = Math.min(SEED_CHUNK, population - from);
                enrolled += new ResidentSeeding(platform.settings(), platform.idpAdmin(), SEED_CLIENTS,
                        ResidentSeeding.DEFAULT_BATCH).enrol(chunk, i -> SyntheticResident.of(from + i)).enrolled();
                seeded += chunk;
                System.out.printf("  %,d residents seeded, %.0f residents/s since %,d%n", seeded,
                        enrolled / ((System.nanoTime() - start) / 1e9), population);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report("capacity at %,d residents%s: seeded %,d in %.0f s = %.0f residents/s (batches of %d, %d in"
                            + " flight), load average %.1f before, %.1f after", seeded,
                    seeded < population ? " (the seeding time ran out before " + population + ")" : "", enrolled,
                    seconds, enrolled / seconds, ResidentSeeding.DEFAULT_BATCH, SEED_CLIENTS, loadBefore,
                    CpuTime.loadAverage());
            long size = databaseBytes();
            report("capacity at %,d residents: Keycloak's database %,d MB (empty realm %,d MB), %.2f GB per"
                    + " million residents", seeded, size >> 20, emptySize >> 20,
                    (size - emptySize) / (double) seeded * 1_000_000 / (1L << 30));
            // After a start the portals build their chatbots for minutes: measure once they are at rest.
            CpuTime.awaitAtRest("The portals", () -> CpuTime.nanos(cluster.portalProcesses()));
            lookups(seeded);
            enrolments(seeded);
            logins(seeded, residents);
            for (String line : new PersonDataBesideUserinfo(PERSON_DATA_CLIENTS, LOGIN_SECONDS, cluster::idpProcesses).measure(platform)) {
                report("capacity at %,d residents: %s", seeded, line);
            }
            if (seeded < population) {
                break;
            }
        }
    }

    private void lookups(int population) throws Exception {
        StaffConsoleClient staff = StaffConsoleClient.forCounterStaff(platform, "Capacity");
        SplittableRandom random = new SplittableRandom(population);
        for (int i = 0; i < 50; i++) {
            staff.findResident(SyntheticResident.hkid(random.nextInt(population)));
        }
        Latencies found = new Latencies();
        for (int i = 0; i < LOOKUPS; i++) {
            String hkid = SyntheticResident.hkid(random.nextInt(population));
            long t = System.nanoTime();
            HttpResponse<String> answer = staff.findResident(hkid);
            found.add(System.nanoTime() - t);
            if (answer.statusCode() != 200) {
                throw new AssertionError("A seeded resident was not found: " + answer.statusCode());
            }
        }
        report("capacity at %,d residents: find by HKID, %d lookups one after another: p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms (goal p95 < 20 ms at a million), load average %.1f", population, LOOKUPS,
                found.percentile(50), found.percentile(95), found.percentile(99), CpuTime.loadAverage());
    }

    private void enrolments(int population) throws Exception {
        StaffConsoleClient staff = StaffConsoleClient.forCounterStaff(platform, "Capacity");
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < ENROLMENTS; i++) {
            statuses.add(pool.submit(() -> {
                long t = System.nanoTime();
                int status = staff.postEnrolment(StaffConsoleClient.enrolment(StaffConsoleClient.randomHkid(), "1970-01-01",
                        StaffConsoleClient.randomMobile())).statusCode();
                latencies.add(System.nanoTime() - t);
                return status;
            }));
        }
        int created = 0;
        for (Future<Integer> status : statuses) {
            created += status.get() == 201 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        report("capacity at %,d residents: %d enrolments through the counter API (%d created), %d clients:"
                        + " %.1f enrolments/s, p50 %.0f ms, p99 %.0f ms", population, ENROLMENTS, created, CLIENTS,
                created / seconds, latencies.percentile(50), latencies.percentile(99));
    }

    /** Passkey logins through the portal, each a new browser: /login, the IdP's page, the assertion, the dashboard. */
    private void logins(int population, List<PortalResident> residents) throws Exception {
        LoadRun.Attempt login = (worker, n) -> residents.get(worker).logIn(platform);
        new LoadRun().run(CLIENTS, 5, login);
        LoadRun run = new LoadRun().run(CLIENTS, LOGIN_SECONDS, login);
        report("capacity at %,d residents: passkey logins through the portal, %d clients, %d s: %.1f flows/s,"
                        + " p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors%s, load average %.1f", population, CLIENTS,
                LOGIN_SECONDS, run.perSecond(), run.latencies().percentile(50), run.latencies().percentile(95),
                run.latencies().percentile(99), run.errors(), run.firstError() == null ? "" : " (first: " + run.firstError() + ")",
                CpuTime.loadAverage());
    }

    /**
     * A BENCHMARK line, also appended to {@code target/capacity-benchmark.txt}: a run of an hour or more should not lose
     * its figures with the console (once the forked JVM's output stopped reaching Maven half way through a run).
     */
    private static void report(String format, Object... values) throws IOException {
        Latencies.report(format, values);
        Files.writeString(Path.of(System.getProperty("platform.var")).resolveSibling("capacity-benchmark.txt"),
                Instant.now() + " " + format.formatted(values) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The size of Keycloak's PostgreSQL database, tables and indexes. */
    private long databaseBytes() throws Exception {
        try (Connection db = DriverManager.getConnection(cluster.idpDatabaseUrl(), cluster.databaseUser(),
                platform.secrets().clusterDatabasePassword());
             ResultSet size = db.createStatement().executeQuery("select pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }
}
