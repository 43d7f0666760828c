package hk.smartid.cluster;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.e2e.PortalAccounts;
import hk.smartid.e2e.ResidentBrowser;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.ClusterLayout;
import hk.smartid.platform.Platform;
import hk.smartid.platform.PlatformCluster;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * The production shape survives its faults (issue 13): PostgreSQL restarted while idle, a Keycloak node killed with
 * SIGKILL under load, a portal instance killed with SIGKILL under a logged-in resident. Prints CLUSTER lines with
 * what the clients saw (errors, seconds of disruption). In order: each fault leaves the cluster whole for the next,
 * except the last.
 */
@ExtendWith(RunningCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final int COUNTERS = 3;
    private static final int LOGIN_CLIENTS = 2;
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

        Map<String, String> enrolled = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger enrolments = new AtomicInteger();
        AtomicInteger logins = new AtomicInteger();
        AtomicBoolean loadOver = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(COUNTERS + LOGIN_CLIENTS);
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
        System.out.printf("CLUSTER keycloak-node-kill: %d enrolments (%d answered 201), %d logins in %d s by %d counters"
                        + " and %d login clients; client errors after the kill: %d (enrolment %d, login %d), the last"
                        + " %.1f s after it%n", enrolments.get(), enrolled.size(), logins.get(),
                (LOAD_BEFORE_KILL.plus(LOAD_AFTER_KILL)).toSeconds(), COUNTERS, LOGIN_CLIENTS, afterKill.size(),
                afterKill.stream().filter(f -> f.kind().equals("enrolment")).count(),
                afterKill.stream().filter(f -> f.kind().equals("login")).count(), disruption);
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> checks = new ArrayList<>();
        for (int node = 1; node <= ClusterLayout.NODES; node++) {
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
}
