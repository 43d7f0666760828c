package hk.smartid.banking;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.idp.disclosure.MerkleTree;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
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
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure log cannot be rewritten or rolled back unnoticed (docs/banking-made-easy.md): someone with database
 * access changes what an entry says was disclosed, and the auditors' check names that entry; the database loses the
 * last disclosure's commits, the log looks whole, and the bank's receipt proves the omission; an auditor holding an
 * older signed head checks that the newer one extends it.
 */
@ExtendWith(RunningPlatform.class)
class DisclosureLogTamperIT {

    private static final Duration MERGE_WAIT = Duration.ofSeconds(60);

    private final Platform platform;
    private final KeycloakAdmin admin;
    private final HttpClient http = HttpClient.newHttpClient();

    DisclosureLogTamperIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
    }

    /** A bank, a verified resident's consent and the bank's token. */
    private record Disclosing(TestBank bank, AccessToken token) {

        /** One disclosure as the bank receives it: the disclosure id and the receipt header. */
        String[] disclose() throws Exception {
            HttpResponse<String> answer = bank.personData(token);
            assertThat(answer.statusCode()).isEqualTo(200);
            String receipt = answer.headers().firstValue("SmartID-Disclosure-Receipt").orElseThrow();
            return new String[]{bank.decrypt(answer.body()).getJWTClaimsSet().getJWTID(), receipt};
        }
    }

    private Disclosing consented() throws Exception {
        TestBank bank = TestBank.register(platform);
        String hkid = StaffConsoleClient.randomHkid();
        BrowserlessResident resident = new BrowserlessResident(platform);
        resident.activate(platform, hkid, "1990-02-28", StaffConsoleClient.forCounterStaff(platform, "Tsuen Wan").enrol(hkid, "1990-02-28"));
        CodeVerifier verifier = new CodeVerifier();
        URI callback = resident.approveConsent(resident.openAuthorization(bank.authorizationUrl(verifier, List.of("person.hkid")))).location();
        AuthorizationCode code = AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();
        return new Disclosing(bank, bank.redeem(code, verifier));
    }

    @Test
    void shouldFindAnEntryRewrittenInTheDatabase() throws Exception {
        String disclosureId = consented().disclose()[0];
        String auditor = auditorToken();
        assertThat(awaitMerged(auditor)).containsEntry("intact", true);

        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "")) {
            assertThat(setItems(db, disclosureId, "person.birthdate")).isEqualTo("person.hkid");
            try {
                Map<String, Object> check = verification(auditor, List.of());

                assertThat(check).containsEntry("intact", false);
                Map<?, ?> broken = (Map<?, ?>) check.get("firstBroken");
                assertThat(broken.get("id")).isEqualTo(disclosureId);
                assertThat((String) broken.get("reason")).startsWith("entry altered");
            } finally {
                setItems(db, disclosureId, "person.hkid");
            }
        }
        assertThat(verification(auditor, List.of())).containsEntry("intact", true);
    }

    @Test
    void shouldReleaseNothingWhenTheDisclosureCannotBeLogged() throws Exception {
        Disclosing disclosing = consented();
        String bank = disclosing.bank().clientId();

        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "")) {
            // The database refuses this bank's entries, as a full disk or a lost connection would, and no one else's.
            execute(db, "ALTER TABLE SMARTID_DISCLOSURE ADD CONSTRAINT SMARTID_TEST_REFUSE CHECK (CLIENT_ID <> '" + bank + "')");
            try {
                HttpResponse<String> answer = disclosing.bank().personData(disclosing.token());

                assertThat(answer.statusCode()).isEqualTo(500);
                assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
                assertThat(JSONObjectUtils.parse(answer.body())).containsEntry("error", "server_error")
                        .containsEntry("error_description", "The disclosure could not be logged, so nothing was released");
                assertThat(answer.headers().firstValue("SmartID-Disclosure-Receipt")).isEmpty();
                assertThat(single(db, "SELECT COUNT(*) FROM SMARTID_DISCLOSURE WHERE CLIENT_ID = ?", bank)).isZero();
            } finally {
                execute(db, "ALTER TABLE SMARTID_DISCLOSURE DROP CONSTRAINT SMARTID_TEST_REFUSE");
            }
        }
        // The log's writer carries on: the next answer is logged and released.
        String disclosureId = disclosing.disclose()[0];
        assertThat(awaitMerged(auditorToken())).containsEntry("intact", true);
        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "")) {
            assertThat(single(db, "SELECT COUNT(*) FROM SMARTID_DISCLOSURE WHERE ID = ?", disclosureId)).isOne();
        }
    }

    @Test
    void shouldReportAReceiptWhoseEntryARollbackLost() throws Exception {
        String[] disclosed = consented().disclose();
        String auditor = auditorToken();
        assertThat(awaitMerged(auditor)).containsEntry("intact", true);

        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "")) {
            // The database loses the last commits: the entry, and the sequencer's turn that made it a leaf and signed
            // the head over it. What is left is a consistent, shorter log.
            long leaf = single(db, "SELECT LEAF_INDEX FROM SMARTID_DISCLOSURE_LEAF WHERE DISCLOSURE_ID = ?", disclosed[0]);
            List<Runnable> restore = new ArrayList<>();
            restore.add(remove(db, "SMARTID_DISCLOSURE", "ID = ?", disclosed[0]));
            restore.add(remove(db, "SMARTID_DISCLOSURE_LEAF", "LEAF_INDEX >= ?", leaf));
            for (int level = 1; level < 63; level++) {
                restore.add(remove(db, "SMARTID_DISCLOSURE_NODE", "NODE_LEVEL = " + level + " AND NODE_INDEX >= ?", leaf >> level));
            }
            restore.add(remove(db, "SMARTID_DISCLOSURE_TREE_HEAD", "TREE_SIZE > ?", leaf));
            long treeSize = single(db, "SELECT TREE_SIZE FROM SMARTID_DISCLOSURE_SEQUENCER WHERE ID = ?", 1);
            update(db, "UPDATE SMARTID_DISCLOSURE_SEQUENCER SET TREE_SIZE = ? WHERE ID = 1", leaf);
            try {
                assertThat(verification(auditor, List.of())).as("the log alone looks whole").containsEntry("intact", true);

                Map<String, Object> withReceipt = verification(auditor, List.of(disclosed[1]));

                assertThat(withReceipt).containsEntry("intact", false).containsEntry("receipts", 1L);
                Map<?, ?> broken = (Map<?, ?>) withReceipt.get("firstBroken");
                assertThat(broken.get("id")).isEqualTo(disclosed[0]);
                assertThat((String) broken.get("reason")).startsWith("receipt for an entry missing from the log");
            } finally {
                update(db, "UPDATE SMARTID_DISCLOSURE_SEQUENCER SET TREE_SIZE = ? WHERE ID = 1", treeSize);
                restore.forEach(Runnable::run);
            }
        }
        assertThat(verification(auditor, List.of(disclosed[1]))).containsEntry("intact", true);
    }

    @Test
    void shouldProveToAnAuditorThatANewerHeadExtendsAnOlderOne() throws Exception {
        Disclosing disclosing = consented();
        String auditor = auditorToken();
        disclosing.disclose();
        awaitMerged(auditor);
        Map<String, Object> older = get(auditor, "/tree-head");
        disclosing.disclose();
        disclosing.disclose();
        awaitMerged(auditor);
        Map<String, Object> newer = get(auditor, "/tree-head");
        long first = ((Number) older.get("treeSize")).longValue();
        long second = ((Number) newer.get("treeSize")).longValue();
        assertThat(second).isGreaterThan(first);

        Map<String, Object> consistency = get(auditor, "/consistency?first=" + first + "&second=" + second);

        JWKSet realmKeys = JWKSet.load(URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/certs").toURL());
        byte[] firstRoot = signedRoot((String) consistency.get("first"), realmKeys, first);
        byte[] secondRoot = signedRoot((String) consistency.get("second"), realmKeys, second);
        List<byte[]> proof = ((List<?>) consistency.get("consistencyProof")).stream()
                .map(hash -> HexFormat.of().parseHex((String) hash)).toList();
        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();
        assertThat(MerkleTree.verifyConsistency(first, second, secondRoot, secondRoot, proof)).isFalse();
        assertThat(request(auditor, "/consistency?first=" + second + "&second=" + first).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldLetOnlyAuditorsRunTheCheck() throws Exception {
        KeycloakAdmin.ServiceAccount staff = admin.serviceAccount("counter-staff", "Tsuen Wan");
        String token = staff.accessToken(platform);

        assertThat(request(token, "/verification").statusCode()).isEqualTo(403);
        assertThat(request(token, "/tree-head").statusCode()).isEqualTo(403);
        assertThat(request(token, "/consistency?first=1&second=1").statusCode()).isEqualTo(403);
    }

    /** The root a tree head signs, after checking its ES256 signature with the realm's published key and its size. */
    private static byte[] signedRoot(String treeHead, JWKSet realmKeys, long treeSize) throws Exception {
        SignedJWT jws = SignedJWT.parse(treeHead);
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getType().getType()).isEqualTo("disclosure-tree-head+jwt");
        assertThat(jws.verify(new ECDSAVerifier((ECKey) realmKeys.getKeyByKeyId(jws.getHeader().getKeyID())))).isTrue();
        assertThat(jws.getJWTClaimsSet().getLongClaim("tree_size")).isEqualTo(treeSize);
        return HexFormat.of().parseHex(jws.getJWTClaimsSet().getStringClaim("root_hash"));
    }

    /** Waits for the sequencer to make every pending entry a leaf (it runs every half second). */
    private Map<String, Object> awaitMerged(String auditor) throws Exception {
        Instant giveUp = Instant.now().plus(MERGE_WAIT);
        Map<String, Object> check = verification(auditor, List.of());
        while (((Number) check.get("pending")).longValue() > 0 && Instant.now().isBefore(giveUp)) {
            check = verification(auditor, List.of());
        }
        assertThat(((Number) check.get("pending")).longValue()).as("entries still pending after %s", MERGE_WAIT).isZero();
        return check;
    }

    private static String setItems(Connection db, String id, String items) throws Exception {
        String before;
        try (PreparedStatement query = db.prepareStatement("SELECT ITEMS FROM SMARTID_DISCLOSURE WHERE ID = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                before = row.getString(1);
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE SMARTID_DISCLOSURE SET ITEMS = ? WHERE ID = ?")) {
            update.setString(1, items);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        return before;
    }

    private static long single(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static void update(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            update.setObject(1, parameter);
            update.executeUpdate();
        }
    }

    private static void execute(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Deletes the rows and returns what puts them back as they were. */
    private static Runnable remove(Connection db, String table, String where, Object parameter) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT * FROM " + table + " WHERE " + where)) {
            query.setObject(1, parameter);
            try (ResultSet found = query.executeQuery()) {
                ResultSetMetaData columns = found.getMetaData();
                while (found.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnName(i), found.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        update(db, "DELETE FROM " + table + " WHERE " + where, parameter);
        return () -> {
            for (Map<String, Object> row : rows) {
                String sql = "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                        + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")";
                try (PreparedStatement insert = db.prepareStatement(sql)) {
                    int i = 1;
                    for (Object value : row.values()) {
                        insert.setObject(i++, value);
                    }
                    insert.executeUpdate();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot put back a row of " + table, e);
                }
            }
        };
    }

    private String auditorToken() throws Exception {
        return admin.serviceAccount("auditor", null).accessToken(platform);
    }

    private Map<String, Object> verification(String token, List<String> receipts) throws Exception {
        HttpResponse<String> answer = receipts.isEmpty() ? request(token, "/verification")
                : http.send(HttpRequest.newBuilder(URI.create(platform.settings().realmUrl() + "/data-sharing/disclosure-log/verification"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(
                                Map.of("receipts", receipts)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return TestBank.json(answer.body());
    }

    private Map<String, Object> get(String token, String path) throws Exception {
        HttpResponse<String> answer = request(token, path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return TestBank.json(answer.body());
    }

    private HttpResponse<String> request(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.settings().realmUrl() + "/data-sharing/disclosure-log" + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
