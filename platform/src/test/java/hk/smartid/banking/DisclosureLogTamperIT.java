package hk.smartid.banking;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure log cannot be rewritten unnoticed: someone with database access changes what an entry
 * says was disclosed, and the auditors' chain check names that entry.
 */
@ExtendWith(RunningPlatform.class)
class DisclosureLogTamperIT {

    private final Platform platform;
    private final KeycloakAdmin admin;

    DisclosureLogTamperIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
    }

    @Test
    void shouldFindAnEntryRewrittenInTheDatabase() throws Exception {
        TestBank bank = TestBank.register(platform);
        String hkid = StaffConsoleClient.randomHkid();
        BrowserlessResident resident = new BrowserlessResident(platform);
        resident.activate(platform, hkid, "1990-02-28", StaffConsoleClient.forCounterStaff(platform, "Tsuen Wan").enrol(hkid, "1990-02-28"));
        CodeVerifier verifier = new CodeVerifier();
        URI callback = resident.approveConsent(resident.openAuthorization(bank.authorizationUrl(verifier, List.of("person.hkid")))).location();
        AuthorizationCode code = AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();
        assertThat(bank.personData(bank.redeem(code, verifier)).statusCode()).isEqualTo(200);
        String auditor = auditorToken();
        assertThat(verification(auditor)).containsEntry("intact", true);

        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "")) {
            long seq;
            String items;
            try (ResultSet last = db.createStatement().executeQuery(
                    "SELECT SEQ, ITEMS FROM SMARTID_DISCLOSURE WHERE SEQ = (SELECT MAX(SEQ) FROM SMARTID_DISCLOSURE)")) {
                assertThat(last.next()).isTrue();
                seq = last.getLong(1);
                items = last.getString(2);
            }
            assertThat(items).isEqualTo("person.hkid");
            setItems(db, seq, "person.birthdate");
            try {
                Map<String, Object> check = verification(auditor);

                assertThat(check).containsEntry("intact", false);
                assertThat(((Number) ((Map<?, ?>) check.get("firstBroken")).get("seq")).longValue()).isEqualTo(seq);
            } finally {
                setItems(db, seq, items);
            }
        }
        assertThat(verification(auditor)).containsEntry("intact", true);
    }

    @Test
    void shouldLetOnlyAuditorsRunTheCheck() throws Exception {
        KeycloakAdmin.ServiceAccount staff = admin.serviceAccount("counter-staff", "Tsuen Wan");
        HttpResponse<String> answer = get(staff.accessToken(platform));

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    private static void setItems(Connection db, long seq, String items) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE SMARTID_DISCLOSURE SET ITEMS = ? WHERE SEQ = ?")) {
            update.setString(1, items);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String auditorToken() throws Exception {
        return admin.serviceAccount("auditor", null).accessToken(platform);
    }

    private Map<String, Object> verification(String token) throws Exception {
        HttpResponse<String> answer = get(token);
        assertThat(answer.statusCode()).isEqualTo(200);
        return TestBank.json(answer.body());
    }

    private HttpResponse<String> get(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.settings().realmUrl() + "/data-sharing/disclosure-log/verification"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
