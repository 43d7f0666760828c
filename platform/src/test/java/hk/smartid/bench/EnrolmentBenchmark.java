package hk.smartid.bench;

import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 3's figures: enrolments per second through the real enrolment API, and how long finding a
 * resident by HKID number takes with 100,000 residents in the realm. Prints the figures; asserts
 * nothing about speed. Run with {@code ./mvnw -B verify -Pbenchmark}.
 */
@ExtendWith(RunningPlatform.class)
class EnrolmentBenchmark {

    private static final int ENROLMENTS = Integer.getInteger("bench.enrolments", 400);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int RESIDENTS = Integer.getInteger("bench.residents", 100_000);
    private static final int LOOKUPS = Integer.getInteger("bench.lookups", 500);
    private static final int IMPORT_BATCH = 2_000;

    private final Platform platform;

    EnrolmentBenchmark(Platform platform) {
        this.platform = platform;
    }

    @Test
    void enrolmentsPerSecondAndFindByHkidAmongManyResidents() throws Exception {
        StaffConsoleClient staff = StaffConsoleClient.forCounterStaff(platform, "Benchmark");
        for (int i = 0; i < 20; i++) {
            staff.enrol(StaffConsoleClient.randomHkid(), "1970-01-01");
        }
        Latencies enrolNanos = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < ENROLMENTS; i++) {
            running.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<String> response = staff.postEnrolment(StaffConsoleClient.enrolment(
                        StaffConsoleClient.randomHkid(), "1970-01-01", StaffConsoleClient.randomMobile()));
                enrolNanos.add(System.nanoTime() - t);
                return response.statusCode();
            }));
        }
        int created = 0;
        for (Future<?> f : running) {
            created += (Integer) f.get() == 201 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Latencies.report("enrolment API: %d enrolments (%d created) with %d concurrent clients in %.1f s = %.1f enrolments/s;"
                        + " latency p50 %.0f ms, p99 %.0f ms",
                ENROLMENTS, created, CLIENTS, seconds, created / seconds, enrolNanos.percentile(50),
                enrolNanos.percentile(99));

        List<String> seeded = seedResidents(new KeycloakAdmin(platform));
        // A new staff login: the seeding outlasts the first token and the 15-minute login age.
        StaffConsoleClient searcher = StaffConsoleClient.forCounterStaff(platform, "Benchmark");
        searcher.findResident(seeded.get(0));
        Latencies findNanos = new Latencies();
        for (int i = 0; i < LOOKUPS; i++) {
            String hkid = seeded.get((int) ((long) i * 7919 % seeded.size()));
            long t = System.nanoTime();
            HttpResponse<String> found = searcher.findResident(hkid);
            findNanos.add(System.nanoTime() - t);
            if (found.statusCode() != 200) {
                throw new AssertionError("Seeded resident " + i + " not found: " + found.statusCode());
            }
        }
        Latencies.report("find by HKID among %d residents: %d lookups, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                RESIDENTS + ENROLMENTS, LOOKUPS, findNanos.percentile(50), findNanos.percentile(99),
                findNanos.percentile(100));
    }

    /** Imports {@link #RESIDENTS} verified residents through Keycloak's partial import; returns their HKIDs. */
    private List<String> seedResidents(KeycloakAdmin admin) throws Exception {
        List<String> hkids = new ArrayList<>(RESIDENTS);
        long start = System.nanoTime();
        for (int from = 0; from < RESIDENTS; from += IMPORT_BATCH) {
            StringBuilder users = new StringBuilder("[");
            for (int i = from; i < Math.min(from + IMPORT_BATCH, RESIDENTS); i++) {
                String hkid = hkidFor(i);
                hkids.add(hkid);
                users.append(i == from ? "" : ",").append("""
                        {"username": "%d", "enabled": true, "firstName": "Resident %d",
                         "attributes": {"hkid_number": ["%s"], "assurance_level": ["loa-verified"],
                                        "birthdate": ["1970-01-01"]}}""".formatted(50_000_000 + i, i, hkid));
            }
            admin.importUsers(users.append("]").toString());
            if ((from / IMPORT_BATCH) % 10 == 9) {
                System.out.printf("  ... %d residents seeded after %.0f s%n", from + IMPORT_BATCH,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        Latencies.report("seeded %d residents with Keycloak's partial import in %.0f s", RESIDENTS,
                (System.nanoTime() - start) / 1e9);
        return hkids;
    }

    /** The i-th valid HKID number with letters "ZZ": distinct from the random ones the API tests use. */
    private static String hkidFor(int i) {
        String stem = "ZZ%06d".formatted(i);
        return "0123456789A".chars().mapToObj(c -> stem + "(" + (char) c + ")")
                .filter(HkidNumber::isValid).findFirst().orElseThrow();
    }
}
