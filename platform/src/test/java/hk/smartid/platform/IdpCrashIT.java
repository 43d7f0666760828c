package hk.smartid.platform;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.idp.consent.ConsentClaimMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static hk.smartid.idp.StaffConsoleClient.enrolment;
import static hk.smartid.idp.StaffConsoleClient.randomHkid;
import static hk.smartid.idp.StaffConsoleClient.randomMobile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Committed" means durable: counters enrol residents and a bank fetches person data, and Keycloak's JVM is killed
 * with SIGKILL right after acknowledged writes; after a restart on the same database every enrolment answered 201 (account, HKID claim, audit
 * entry) and every disclosure the bank received is there, and the disclosure log verifies with them in it.
 * Restarts the shared IdP and leaves it running for the other tests.
 */
@ExtendWith(RunningPlatform.class)
class IdpCrashIT {

    private static final int COUNTERS = 3;
    private static final int BANK_CALLERS = 3;

    private final Platform platform;
    private final KeycloakAdmin admin;

    IdpCrashIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteWhenTheIdpIsKilledUnderLoad() throws Exception {
        TestBank bank = TestBank.register(platform);
        AccessToken token = bank.openAccount(BrowserlessResident.activatedAtCounter(platform, "Crash test"));
        // Also an upgrade: a bank as it was registered before tokens named their consent, which the start gives the mapper.
        TestBank earlierBank = TestBank.register(platform);
        admin.removeProtocolMapper(earlierBank.clientId(), ConsentClaimMapper.NAME);
        StaffConsoleClient counter = StaffConsoleClient.forCounterStaff(platform, "Crash test");

        Map<String, String> enrolled = new ConcurrentHashMap<>();
        Set<String> disclosed = ConcurrentHashMap.newKeySet();
        AtomicBoolean loadOver = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(COUNTERS + BANK_CALLERS);
        for (int i = 0; i < COUNTERS; i++) {
            load.submit(() -> {
                while (!loadOver.get()) {
                    String hkid = randomHkid();
                    HttpResponse<String> answer = counter.postEnrolment(enrolment(hkid, "1985-03-04", randomMobile()));
                    if (answer.statusCode() == 201) {
                        enrolled.put((String) JSONObjectUtils.parse(answer.body()).get("residentId"), hkid);
                    }
                }
                return null;
            });
        }
        for (int i = 0; i < BANK_CALLERS; i++) {
            load.submit(() -> {
                while (!loadOver.get()) {
                    disclosed.add(disclosure(bank, token));
                }
                return null;
            });
        }
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while ((enrolled.size() < 30 || disclosed.size() < 60) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        loadOver.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(enrolled).as("enrolments acknowledged under load").hasSizeGreaterThanOrEqualTo(30);

        // Then the moment a crash hurts most: H2's background writer (WRITE_DELAY, 500 ms by default) stores the
        // first commit after a quiet spell at once and the next ones only half a second later. A disclosure, then
        // at once an enrolment and more disclosures, and the kill the moment they are acknowledged.
        Thread.sleep(1500);
        disclosed.add(disclosure(bank, token));
        Thread.sleep(150);
        long burstStart = System.nanoTime();
        ExecutorService burst = Executors.newFixedThreadPool(1 + BANK_CALLERS);
        List<Future<?>> acknowledged = new ArrayList<>();
        acknowledged.add(burst.submit(() -> {
            String hkid = randomHkid();
            HttpResponse<String> answer = counter.postEnrolment(enrolment(hkid, "1985-03-04", randomMobile()));
            assertThat(answer.statusCode()).isEqualTo(201);
            enrolled.put((String) JSONObjectUtils.parse(answer.body()).get("residentId"), hkid);
            return null;
        }));
        for (int i = 0; i < BANK_CALLERS; i++) {
            acknowledged.add(burst.submit(() -> disclosed.add(disclosure(bank, token))));
        }
        for (Future<?> answer : acknowledged) {
            answer.get();
        }
        killWithSigkill(platform.idpProcess());
        burst.shutdown();
        System.out.printf("IdpCrashIT: killed the IdP %d ms after the last burst began; %d enrolments, %d disclosures"
                + " acknowledged%n", (System.nanoTime() - burstStart) / 1_000_000, enrolled.size(), disclosed.size());

        platform.restartIdp();
        assertThat(admin.protocolMappers(earlierBank.clientId())).containsOnlyOnce(ConsentClaimMapper.PROVIDER_ID);
        assertThat(earlierBank.personData(earlierBank.openAccount(BrowserlessResident.activatedAtCounter(platform,
                "Crash test"))).statusCode()).isEqualTo(200);

        StaffConsoleClient counterAfterRestart = StaffConsoleClient.forCounterStaff(platform, "Crash test");
        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "")) {
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> resident : enrolled.entrySet()) {
                String residentId = resident.getKey();
                HttpResponse<String> found = counterAfterRestart.findResident(resident.getValue());
                boolean account = found.statusCode() == 200
                        && residentId.equals(JSONObjectUtils.parse(found.body()).get("id"));
                boolean claim = count(db, "SELECT COUNT(*) FROM SMARTID_HKID WHERE USER_ID = ?", residentId) == 1;
                boolean audited = count(db, "SELECT COUNT(*) FROM SMARTID_STAFF_AUDIT WHERE RESIDENT_ID = ?"
                        + " AND ACTION = 'ENROL' AND OUTCOME = 'SUCCESS'", residentId) == 1;
                if (!(account && claim && audited)) {
                    lost.add(residentId + " (account " + account + ", HKID claim " + claim + ", audit " + audited + ")");
                }
            }

            Set<String> logged = new HashSet<>();
            try (PreparedStatement query = db.prepareStatement("SELECT ID FROM SMARTID_DISCLOSURE WHERE CLIENT_ID = ?")) {
                query.setString(1, bank.clientId());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        logged.add(rows.getString(1));
                    }
                }
            }
            Map<String, Object> verification = verification();

            SoftAssertions lostWrites = new SoftAssertions();
            lostWrites.assertThat(lost).as("enrolments answered 201 before the crash, missing after it (of %d)",
                    enrolled.size()).isEmpty();
            lostWrites.assertThat(disclosed.stream().filter(id -> !logged.contains(id)).toList())
                    .as("disclosures the bank received, missing from the log (of %d)", disclosed.size()).isEmpty();
            lostWrites.assertThat(verification).containsEntry("intact", true);
            lostWrites.assertThat(((Number) verification.get("entries")).longValue()).as("entries the check covered")
                    .isEqualTo(count(db, "SELECT COUNT(*) FROM SMARTID_DISCLOSURE", null));
            lostWrites.assertAll();
        }
    }

    /** Person data as the bank receives it; its id is the disclosure's. */
    private static String disclosure(TestBank bank, AccessToken token) throws Exception {
        HttpResponse<String> answer = bank.personData(token);
        assertThat(answer.statusCode()).isEqualTo(200);
        return bank.decrypt(answer.body()).getJWTClaimsSet().getJWTID();
    }

    /** SIGKILL to Keycloak's JVM and its launch script: no shutdown hook, nothing flushed on the way out. */
    private static void killWithSigkill(ProcessHandle idp) throws Exception {
        List<ProcessHandle> processes = new ArrayList<>(idp.descendants().toList());
        processes.add(idp);
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Map<String, Object> verification() throws Exception {
        String auditor = admin.serviceAccount("auditor", null).accessToken(platform);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.settings().realmUrl() + "/data-sharing/disclosure-log/verification"))
                .header("Authorization", "Bearer " + auditor).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSONObjectUtils.parse(answer.body());
    }
}
