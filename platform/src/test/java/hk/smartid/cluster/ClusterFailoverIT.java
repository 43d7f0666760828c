package hk.smartid.cluster;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.e2e.PortalAccounts;
import hk.smartid.e2e.ResidentBrowser;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.ClusterLayout;
import hk.smartid.platform.Platform;
import hk.smartid.platform.PlatformCluster;
import hk.smartid.platform.PlatformStartException;
import hk.smartid.platform.Realm;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static hk.smartid.idp.StaffConsoleClient.enrolment;
import static hk.smartid.idp.StaffConsoleClient.randomHkid;
import static hk.smartid.idp.StaffConsoleClient.randomMobile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The production shape survives its faults (issue 13): PostgreSQL restarted while idle, a Keycloak node killed with
 * SIGKILL under load, a node started with another realm import than its peer refused, a portal instance killed with
 * SIGKILL under a logged-in resident. Prints CLUSTER lines with
 * what the clients saw (errors, seconds of disruption). In order: each fault leaves the cluster whole for the next,
 * except the last.
 */
@ExtendWith(RunningCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final int COUNTERS = 3;
    private static final int LOGIN_CLIENTS = 2;
    /** Banks opening accounts: PAR, the resident's passkey login and consent, the token, person data. */
    private static final int BANKS = 2;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(10);
    private static final Duration LOAD_AFTER_KILL = Duration.ofSeconds(20);

    /** HAProxy's cookie naming the portal instance (hk.smartid.platform.LoadBalancer). */
    private static final String PORTAL_NODE_COOKIE = "SMARTID_PORTAL_NODE";

    private final PlatformCluster cluster;
    private final Platform platform;

    ClusterFailoverIT(PlatformCluster cluster, Platform platform) {
        this.cluster = cluster;
        this.platform = platform;
    }

    @Test
    @Order(1)
    void shouldServeTheNextLoginAndEnrolmentAfterPostgresRestartsWhileIdle() throws Exception {
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Cluster");
        StaffConsoleClient counter = StaffConsoleClient.forCounterStaff(platform, "Cluster");

        long restart = System.nanoTime();
        cluster.restartDatabase();
        double databaseBack = seconds(restart);
        // Keycloak's readiness includes its database, so the load balancer takes both nodes out while it is away;
        // they must come back by themselves.
        awaitIdpReady(Duration.ofMinutes(1));
        System.out.printf("CLUSTER postgres-restart: PostgreSQL down and up again in %.1f s; both Keycloak nodes ready"
                + " again %.1f s after the restart began, none restarted%n", databaseBack, seconds(restart));

        // The first requests after the restart meet pools whose connections the restart ended.
        BrowserlessResident.Page dashboard = resident.openAuthorization(portal("/login"));
        assertThat(dashboard.status()).as("the first login after the restart").isEqualTo(200);
        assertThat(dashboard.uri().getPath()).isEqualTo("/dashboard");
        assertThat(counter.postEnrolment(enrolment(randomHkid(), "1985-03-04", randomMobile())).statusCode())
                .as("an enrolment after the restart").isEqualTo(201);
    }

    @Test
    @Order(2)
    void shouldKeepEveryAcknowledgedEnrolmentAndEveryLoginWhenAKeycloakNodeIsKilledUnderLoad() throws Exception {
        StaffConsoleClient counter = StaffConsoleClient.forCounterStaff(platform, "Cluster");
        List<BrowserlessResident> loggedIn = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Cluster");
            assertThat(resident.openAuthorization(portal("/login")).uri().getPath()).isEqualTo("/dashboard");
            loggedIn.add(resident);
        }
        List<BrowserlessResident> loginClients = new ArrayList<>();
        for (int i = 0; i < LOGIN_CLIENTS; i++) {
            loginClients.add(BrowserlessResident.activatedAtCounter(platform, "Cluster"));
        }

        List<BankCustomer> banks = new ArrayList<>();
        for (int i = 0; i < BANKS; i++) {
            BankCustomer bank = new BankCustomer(TestBank.register(platform),
                    BrowserlessResident.activatedAtCounter(platform, "Cluster"));
            bank.openAccount();
            banks.add(bank);
        }

        Map<String, String> enrolled = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger enrolments = new AtomicInteger();
        AtomicInteger logins = new AtomicInteger();
        AtomicBoolean loadOver = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(COUNTERS + LOGIN_CLIENTS + BANKS);
        for (int i = 0; i < COUNTERS; i++) {
            load.submit(() -> {
                while (!loadOver.get()) {
                    String hkid = randomHkid();
                    try {
                        HttpResponse<String> answer = counter.postEnrolment(enrolment(hkid, "1985-03-04", randomMobile()));
                        enrolments.incrementAndGet();
                        if (answer.statusCode() == 201) {
                            enrolled.put((String) JSONObjectUtils.parse(answer.body()).get("residentId"), hkid);
                        } else {
                            failed(failures, new Failure("enrolment", Instant.now(), answer.statusCode() + " " + answer.body()));
                        }
                    } catch (Exception e) {
                        failed(failures, new Failure("enrolment", Instant.now(), e.toString()));
                    }
                }
                return null;
            });
        }
        for (BrowserlessResident resident : loginClients) {
            load.submit(() -> {
                while (!loadOver.get()) {
                    resident.forgetSessions();
                    try {
                        BrowserlessResident.Page page = resident.openAuthorization(portal("/login"));
                        logins.incrementAndGet();
                        if (page.status() != 200 || !page.uri().getPath().equals("/dashboard")) {
                            failed(failures, new Failure("login", Instant.now(), page.status() + " at " + page.uri()));
                        }
                    } catch (Exception e) {
                        failed(failures, new Failure("login", Instant.now(), e.toString()));
                    }
                }
                return null;
            });
        }
        for (BankCustomer bank : banks) {
            load.submit(() -> {
                while (!loadOver.get()) {
                    try {
                        bank.openAccount();
                    } catch (Exception | AssertionError e) {
                        failed(failures, new Failure("bank", Instant.now(), e.toString()));
                    }
                }
                return null;
            });
        }
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        int failuresBeforeKill = failures.size();
        Instant killed = Instant.now();
        cluster.killKeycloakNode(1);
        Thread.sleep(LOAD_AFTER_KILL.toMillis());
        loadOver.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        List<Failure> afterKill = failures.stream().filter(f -> !f.at().isBefore(killed)).toList();
        double disruption = afterKill.stream().mapToDouble(f -> Duration.between(killed, f.at()).toMillis() / 1000.0)
                .max().orElse(0);
        System.out.printf("CLUSTER keycloak-node-kill: %d enrolments (%d answered 201), %d logins, %d consents approved"
                        + " and %d person-data answers in %d s by %d counters, %d login clients and %d banks; client errors"
                        + " after the kill: %d (enrolment %d, login %d, bank %d), the last %.1f s after it%n",
                enrolments.get(), enrolled.size(), logins.get(),
                banks.stream().mapToInt(bank -> bank.approvals.get()).sum(),
                banks.stream().mapToInt(bank -> bank.received.size()).sum(),
                (LOAD_BEFORE_KILL.plus(LOAD_AFTER_KILL)).toSeconds(), COUNTERS, LOGIN_CLIENTS, BANKS, afterKill.size(),
                afterKill.stream().filter(f -> f.kind().equals("enrolment")).count(),
                afterKill.stream().filter(f -> f.kind().equals("login")).count(),
                afterKill.stream().filter(f -> f.kind().equals("bank")).count(), disruption);
        afterKill.stream().limit(10).forEach(f -> System.out.println("CLUSTER   " + f));

        SoftAssertions outcome = new SoftAssertions();
        outcome.assertThat(failuresBeforeKill).as("client errors before the kill").isZero();
        outcome.assertThat(disruption).as("seconds from the kill to the last client error").isLessThan(10);
        try (Connection db = DriverManager.getConnection(cluster.idpDatabaseUrl(), cluster.databaseUser(),
                platform.secrets().clusterDatabasePassword())) {
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> resident : enrolled.entrySet()) {
                String residentId = resident.getKey();
                boolean account = count(db, "SELECT COUNT(*) FROM user_entity WHERE id = ?", residentId) == 1;
                boolean claim = count(db, "SELECT COUNT(*) FROM smartid_hkid WHERE user_id = ? AND hkid_number = ?",
                        residentId, resident.getValue()) == 1;
                boolean audited = count(db, "SELECT COUNT(*) FROM smartid_staff_audit WHERE resident_id = ?"
                        + " AND action = 'ENROL' AND outcome = 'SUCCESS'", residentId) == 1;
                if (!(account && claim && audited)) {
                    lost.add(residentId + " (account " + account + ", HKID claim " + claim + ", audit " + audited + ")");
                }
            }
            outcome.assertThat(lost).as("enrolments answered 201, incomplete after the kill (of %d)", enrolled.size())
                    .isEmpty();
            outcome.assertThat(count(db, "SELECT COUNT(*) FROM (SELECT value FROM user_attribute WHERE name = 'hkid_number'"
                    + " GROUP BY value HAVING COUNT(DISTINCT user_id) > 1) shared")).as("HKID numbers of two accounts").isZero();
            for (BankCustomer bank : banks) {
                // The bank is the test's own: its one resident gave every consent it has.
                outcome.assertThat(count(db, "SELECT COUNT(*) FROM smartid_consent WHERE client_id = ?", bank.bank.clientId()))
                        .as("consents of the resident at %s (every approval the IdP answered with a code)", bank.bank.clientId())
                        .isGreaterThanOrEqualTo(bank.approvals.get());
            }
            checkDisclosures(outcome, db, banks.stream().flatMap(bank -> bank.received.stream()).toList());
        }
        for (BrowserlessResident resident : loggedIn) {
            outcome.assertThat(resident.fetch(portal("/dashboard")).statusCode()).as("portal session after the kill")
                    .isEqualTo(200);
            outcome.assertThat(idpSessionAnswer(resident)).as("the IdP's answer to prompt=none for a resident logged in"
                    + " before the kill").contains("code=").doesNotContain("error=");
        }

        Instant restart = Instant.now();
        long viewLines = Files.readAllLines(cluster.keycloakNodeLog(2)).size();
        cluster.startKeycloakNode(1);
        System.out.printf("CLUSTER keycloak-node-kill: node 1 restarted and ready in %d s%n",
                Duration.between(restart, Instant.now()).toSeconds());
        outcome.assertThat(Files.readAllLines(cluster.keycloakNodeLog(2)).stream().skip(viewLines)
                        .filter(line -> line.contains("ISPN000094")).toList())
                .as("node 2's new cluster views once node 1 is back").anyMatch(line -> line.contains("(2)"));
        outcome.assertAll();
    }

    @Test
    @Order(3)
    void shouldRefuseAKeycloakNodeStartedWithAnotherRealmImportThanItsPeer() throws Exception {
        // Another installation: a copy of the nodes' own with one rule of the realm import changed.
        Path other = cluster.settings().servers().resolve("keycloak-cluster-other-import");
        deleteRecursively(other);
        Process copy = new ProcessBuilder("cp", "-a", cluster.keycloakInstallation().toString(), other.toString())
                .inheritIO().start();
        assertThat(copy.waitFor()).as("copying the Keycloak installation").isZero();
        Path realmImport = other.resolve("data/import/smartid-realm.json");
        Map<String, Object> realm = JSONObjectUtils.parse(Files.readString(realmImport));
        realm.put("accessTokenLifespan", ((Number) realm.get("accessTokenLifespan")).intValue() * 2);
        Files.writeString(realmImport, JSONObjectUtils.toJSONString(realm));
        try {
            cluster.killKeycloakNode(1);
            long logLines = Files.readAllLines(cluster.keycloakNodeLog(1)).size();

            PlatformStartException refused = catchThrowableOfType(PlatformStartException.class,
                    () -> cluster.startKeycloakNodeFrom(1, other));

            assertThat(refused).as("the node with another realm import, started beside its peer").isNotNull()
                    .hasMessageContaining("stopped while starting");
            List<String> refusal = Files.readAllLines(cluster.keycloakNodeLog(1)).stream().skip(logLines)
                    .filter(line -> line.contains("refusing to start")).toList();
            assertThat(refusal).as("its log's refusal").isNotEmpty()
                    .allMatch(line -> line.contains("differ from those its cluster runs with"));
            System.out.println("CLUSTER node-rules: a node with another realm import was refused: " + refusal.get(0).strip());
            awaitIdpReady(Duration.ofMinutes(1), 2);
        } finally {
            deleteRecursively(other);
        }
        cluster.startKeycloakNode(1);
    }

    @Test
    @Order(4)
    void shouldKeepAResidentLoggedInWhenTheirPortalInstanceIsKilled() throws Exception {
        try (ResidentBrowser browser = new PortalAccounts(platform).verifiedResident()) {
            String name = browser.testId("resident-name").getText();
            String instance = browser.driver.manage().getCookieNamed(PORTAL_NODE_COOKIE).getValue();
            assertThat(instance).as("the load balancer's cookie naming the portal instance").isIn("p1", "p2");

            cluster.killPortalInstance(Integer.parseInt(instance.substring(1)));
            long killed = System.nanoTime();
            browser.open(platform.settings().portalUrl() + "/dashboard");

            assertThat(browser.url()).as("no new login, no passkey prompt").startsWith(platform.settings().portalUrl() + "/dashboard");
            assertThat(browser.testId("resident-name").getText()).isEqualTo(name);
            assertThat(browser.driver.manage().getCookieNamed(PORTAL_NODE_COOKIE).getValue()).as("served by the other instance")
                    .isNotEqualTo(instance);
            System.out.printf("CLUSTER portal-instance-kill: instance %s killed; the resident's next page came from the"
                    + " other instance, still logged in, %.1f s later%n", instance, seconds(killed));
        }
    }

    /** Waits until every Keycloak node reports ready and the load balancer serves the realm again. */
    private void awaitIdpReady(Duration timeout) throws Exception {
        awaitIdpReady(timeout, 1, 2);
    }

    /** Waits until these Keycloak nodes report ready and the load balancer serves the realm again. */
    private void awaitIdpReady(Duration timeout, int... nodes) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> checks = new ArrayList<>();
        for (int node : nodes) {
            checks.add(URI.create("http://localhost:" + cluster.layout().keycloakNodeManagementPort(node) + "/health/ready"));
        }
        checks.add(URI.create(platform.settings().realmUrl() + "/.well-known/openid-configuration"));
        Instant giveUp = Instant.now().plus(timeout);
        for (URI check : checks) {
            while (http.send(HttpRequest.newBuilder(check).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                assertThat(Instant.now()).as("%s answering 200 again", check).isBefore(giveUp);
                Thread.sleep(250);
            }
        }
    }

    /** Where the IdP sends a prompt=none authorization request of the portal: a code while the resident's session lasts. */
    private String idpSessionAnswer(BrowserlessResident resident) throws Exception {
        String redirect = platform.settings().portalUrl() + "/callback";
        URI authorize = URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + Realm.PORTAL_CLIENT_ID + "&scope=openid&prompt=none&state=cluster-test&nonce=cluster-test"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue());
        HttpResponse<String> answer = resident.fetch(authorize);
        return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("(no redirect)");
    }

    private URI portal(String path) {
        return URI.create(platform.settings().portalUrl() + path);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long count(Connection db, String sql, String... parameters) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Notes a failure; the client tries again after 100 ms, as a person would not hammer a failing counter. */
    private static void failed(ConcurrentLinkedQueue<Failure> failures, Failure failure) throws InterruptedException {
        failures.add(failure);
        Thread.sleep(100);
    }

    private record Failure(String kind, Instant at, String what) {
    }

    /**
     * The disclosure log after the kill: every person-data answer a bank received has its entry (the answer's
     * {@code jti} is the entry's id, for that bank, under a consent of the same resident that exists), and the log's public
     * verification holds end to end. Issue 14 redesigns the log: this is the one place that knows its shape.
     */
    private void checkDisclosures(SoftAssertions outcome, Connection db, Collection<Disclosed> received) throws Exception {
        List<Disclosed> missing = new ArrayList<>();
        for (Disclosed answer : received) {
            if (count(db, "SELECT COUNT(*) FROM smartid_disclosure d JOIN smartid_consent c ON c.id = d.consent_id"
                    + " AND c.user_id = d.user_id AND c.client_id = d.client_id WHERE d.id = ? AND d.client_id = ?",
                    answer.id(), answer.bank()) != 1) {
                missing.add(answer);
            }
        }
        outcome.assertThat(missing).as("person-data answers banks received without their disclosure entry (of %d)",
                received.size()).isEmpty();
        String auditor = new KeycloakAdmin(platform).serviceAccount("auditor", null).accessToken(platform);
        HttpResponse<String> verification = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.settings().realmUrl() + "/data-sharing/disclosure-log/verification"))
                .header("Authorization", "Bearer " + auditor).GET().build(), HttpResponse.BodyHandlers.ofString());
        outcome.assertThat(verification.statusCode()).as("the disclosure log's verification").isEqualTo(200);
        Map<String, Object> verified = JSONObjectUtils.parse(verification.body());
        outcome.assertThat(verified).as("the disclosure log's verification").containsEntry("intact", true);
        outcome.assertThat(((Number) verified.get("entries")).longValue()).as("entries the verification covered")
                .isEqualTo(count(db, "SELECT COUNT(*) FROM smartid_disclosure"));
    }

    /** A person-data answer as the bank received it: the disclosure's id ({@code jti}) and the bank. */
    private record Disclosed(String id, String bank) {
    }

    /** A bank and one resident of it, opening accounts again and again; counts what the bank was answered. */
    private static final class BankCustomer {
        private final TestBank bank;
        private final BrowserlessResident resident;
        private final AtomicInteger approvals = new AtomicInteger();
        private final ConcurrentLinkedQueue<Disclosed> received = new ConcurrentLinkedQueue<>();

        BankCustomer(TestBank bank, BrowserlessResident resident) {
            this.bank = bank;
            this.resident = resident;
        }

        /** PAR, the passkey login and the approval, the code redeemed with DPoP, the person data. */
        void openAccount() throws Exception {
            resident.forgetSessions();
            CodeVerifier verifier = new CodeVerifier();
            BrowserlessResident.Page consent = resident.openAuthorization(bank.authorizationUrl(verifier, TestBank.ITEMS));
            URI callback = resident.approveConsent(consent).location();
            AuthorizationCode code = AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();
            approvals.incrementAndGet();
            AccessToken token = bank.redeem(code, verifier);
            HttpResponse<String> answer = bank.personData(token);
            if (answer.statusCode() != 200) {
                throw new AssertionError("person data answered " + answer.statusCode() + ": " + answer.body());
            }
            received.add(new Disclosed(bank.decrypt(answer.body()).getJWTClaimsSet().getJWTID(), bank.clientId()));
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            assertThat(new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor()).isZero();
        }
    }
}
