package hk.smartid.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.smartid.idp.enrolment.EnrolmentRequest;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * {@code ./run.sh seed <N>}: fills realm smartid with the first N {@link SyntheticResident}s, counter-verified, through
 * the IdP's batch enrolment ({@code POST /realms/smartid/enrolment/batches}): each batch is one transaction, all of it
 * or nothing, and residents already enrolled are skipped, so running it again (or after an interruption) only adds
 * what is missing. It calls as the service account {@code smartid-resident-seeding}, whose only role is
 * {@code resident-bulk-enrolment} (made by the realm administrator on first use); every batch is a line of the staff
 * audit trail.
 */
public final class ResidentSeeding {

    static final String CLIENT_ID = "smartid-resident-seeding";
    static final String ROLE = "resident-bulk-enrolment";
    /** Residents per batch (per transaction): large enough to spread a request's cost, small enough to keep one short. */
    public static final int DEFAULT_BATCH = 25;
    /** A fresh token well before the realm's access token lifespan (5 minutes) runs out. */
    private static final Duration TOKEN_AGE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did: residents enrolled, residents found enrolled already, and how long it took. */
    public record Outcome(int enrolled, int skipped, Duration took) {

        public double enrolledPerSecond() {
            return enrolled / Math.max(took.toMillis() / 1000.0, 0.001);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private final Keycloak admin;
    private final int clients;
    private final int batchSize;
    private String token;
    private long tokenAt;

    /** {@code clients} batches in flight at once, {@code batchSize} residents each. */
    public ResidentSeeding(PlatformSettings settings, Keycloak admin, int clients, int batchSize) {
        if (clients < 1 || batchSize < 1) {
            throw new IllegalArgumentException("clients and batch size must be at least 1");
        }
        this.settings = settings;
        this.secrets = new PlatformSecrets(settings.varDir());
        this.admin = admin;
        this.clients = clients;
        this.batchSize = batchSize;
    }

    /** Enrols synthetic residents 0 to {@code count - 1}, printing progress every 10,000. */
    public Outcome seed(int count) throws IOException, InterruptedException {
        if (count < 0 || count > SyntheticResident.MAX) {
            throw new IllegalArgumentException("between 0 and " + SyntheticResident.MAX + " residents");
        }
        return enrol(count, SyntheticResident::of);
    }

    /** Enrols {@code count} residents, {@code resident.apply(i)} the i-th, in batches; the first refused batch stops the run. */
    public Outcome enrol(int count, IntFunction<EnrolmentRequest> resident) throws IOException, InterruptedException {
        prepareServiceAccount();
        long start = System.nanoTime();
        AtomicInteger enrolled = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += batchSize) {
                int first = from;
                int last = Math.min(from + batchSize, count);
                batches.add(pool.submit(() -> {
                    JsonNode answer = send(first, IntStream.range(first, last).mapToObj(resident).toList());
                    enrolled.addAndGet(answer.path("enrolled").asInt());
                    skipped.addAndGet(answer.path("skipped").asInt());
                    int now = done.addAndGet(last - first);
                    if (now / 10_000 != (now - (last - first)) / 10_000) {
                        System.out.printf("  %,d of %,d residents (%,d enrolled, %,d already there), %.0f enrolled/s%n",
                                now, count, enrolled.get(), skipped.get(),
                                enrolled.get() / Math.max((System.nanoTime() - start) / 1e9, 0.001));
                    }
                    return null;
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(enrolled.get(), skipped.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The service account and its one role, made or repaired by the realm administrator. */
    private void prepareServiceAccount() throws IOException {
        RealmResource realm = admin.realm(Realm.NAME);
        if (realm.roles().list().stream().noneMatch(role -> ROLE.equals(role.getName()))) {
            // A realm imported before the role was added to the realm file.
            RoleRepresentation role = new RoleRepresentation();
            role.setName(ROLE);
            role.setDescription("Enrols batches of residents a register has already checked (seeding the realm); nothing else");
            realm.roles().create(role);
        }
        ClientResource client = ServiceAccountClient.ensure(realm, CLIENT_ID, "Resident seeding (bulk enrolment)",
                secrets.residentSeedingClientSecret());
        ServiceAccountClient.grantRole(realm, client.getServiceAccountUser().getId(), ROLE);
    }

    private JsonNode send(int first, List<EnrolmentRequest> residents) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings.realmUrl() + "/enrolment/batches"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("residents", residents))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("The batch of residents " + first + " to " + (first + residents.size() - 1)
                    + " was refused (" + answer.statusCode() + " " + answer.body() + "); nothing of it was kept");
        }
        return JSON.readTree(answer.body());
    }

    private synchronized String token() throws IOException {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_AGE.toNanos()) {
            token = TokenEndpoint.clientCredentials(settings, CLIENT_ID, secrets.residentSeedingClientSecret());
            tokenAt = System.nanoTime();
        }
        return token;
    }
}
