package hk.smartid.idp;

import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.idp.enrolment.EnrolmentRequest;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.platform.Platform;
import hk.smartid.platform.ResidentSeeding;
import hk.smartid.platform.RunningPlatform;
import hk.smartid.platform.SyntheticResident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./run.sh seed}'s batch enrolment on the real platform, with a few thousand residents: they are all there once,
 * each with a valid and unique HKID number held in the HKID register, shown by the IdP as enrolled; running it again
 * adds nothing; a batch refused half way leaves none of its residents; only the seeding role may send batches.
 */
@ExtendWith(RunningPlatform.class)
class ResidentSeedingIT {

    private static final int RESIDENTS = Integer.getInteger("it.seed-residents", 3_000);
    /** The synthetic residents' HKID numbers and mobile numbers (residents 0 to 999,999). */
    private static final String SEEDED_HKIDS = "XA%";

    private final Platform platform;

    ResidentSeedingIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void seedsEveryResidentOnceAndWholeAndARunAgainAddsNothing() throws Exception {
        ResidentSeeding seeding = new ResidentSeeding(platform.settings(), platform.idpAdmin(), 2, ResidentSeeding.DEFAULT_BATCH);
        ResidentSeeding.Outcome first = seeding.seed(RESIDENTS);
        assertThat(first.enrolled()).isEqualTo(RESIDENTS);
        assertThat(first.skipped()).isZero();
        System.out.printf("SEEDING %d residents in %.1f s = %.0f residents/s (H2, the CI platform)%n", RESIDENTS,
                first.took().toMillis() / 1000.0, first.enrolledPerSecond());

        List<String> numbers = seededNumbers();
        assertThat(numbers).hasSize(RESIDENTS);
        assertThat(new HashSet<>(numbers)).hasSize(RESIDENTS);
        assertThat(numbers).allMatch(HkidNumber::isValid);
        assertThat(registeredToTheirHolder()).isEqualTo(RESIDENTS);

        int index = RESIDENTS / 2 + 7;
        EnrolmentRequest expected = SyntheticResident.of(index);
        Map<String, Object> shown = JSONObjectUtils.parse(StaffConsoleClient.forCounterStaff(platform, "Seeding check")
                .findResident(expected.hkidNumber()).body());
        assertThat(shown).containsEntry("hkidNumber", expected.hkidNumber()).containsEntry("surname", expected.surname())
                .containsEntry("givenNames", expected.givenNames()).containsEntry("chineseName", expected.chineseName())
                .containsEntry("dateOfBirth", expected.dateOfBirth()).containsEntry("assuranceLevel", "loa-verified");
        UserRepresentation account = platform.idpAdmin().realm("smartid").users().get((String) shown.get("id")).toRepresentation();
        assertThat(account.getUsername()).isEqualTo(expected.mobileNumber());
        assertThat(account.isEnabled()).isTrue();
        assertThat(account.getRequiredActions()).containsExactly("smartid-passkey-register");
        assertThat(account.getAttributes()).containsEntry("residential_address", List.of(expected.residentialAddress()))
                .containsEntry("locale", List.of(expected.preferredLanguage())).containsKey("verified_at");

        ResidentSeeding.Outcome again = seeding.seed(RESIDENTS);
        assertThat(again.enrolled()).isZero();
        assertThat(again.skipped()).isEqualTo(RESIDENTS);
        assertThat(seededNumbers()).hasSize(RESIDENTS);

        // Forty new residents, then one whose mobile number resident 0 already holds: the batch fails after forty were
        // written in its transaction, and none of them is kept.
        List<EnrolmentRequest> batch = new ArrayList<>();
        for (int i = RESIDENTS; i < RESIDENTS + 40; i++) {
            batch.add(SyntheticResident.of(i));
        }
        EnrolmentRequest clash = SyntheticResident.of(RESIDENTS + 40);
        batch.add(new EnrolmentRequest(clash.hkidNumber(), clash.surname(), clash.givenNames(), clash.chineseName(),
                clash.dateOfBirth(), clash.gender(), clash.residentialAddress(), SyntheticResident.of(0).mobileNumber(),
                null, clash.preferredLanguage()));
        assertThatThrownBy(() -> new ResidentSeeding(platform.settings(), platform.idpAdmin(), 1, batch.size())
                .enrol(batch.size(), batch::get))
                .isInstanceOf(IOException.class).hasMessageContaining("409").hasMessageContaining("contact_in_use");
        assertThat(seededNumbers()).hasSize(RESIDENTS);
        assertThat(usersNamed(SyntheticResident.of(RESIDENTS).mobileNumber())).isZero();

        String staffAudit = StaffConsoleClient.withRole(platform, "auditor", "Audit").auditTrail().body();
        assertThat(staffAudit).contains("BULK_ENROL").contains("enrolled 0, skipped " + ResidentSeeding.DEFAULT_BATCH)
                .contains("contact of resident 40 already used");
    }

    @Test
    void onlyTheSeedingRoleMaySendABatch() throws Exception {
        String body = "{\"residents\": [" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(SyntheticResident.of(RESIDENTS + 100)) + "]}";
        String counterStaff = new KeycloakAdmin(platform).serviceAccount("counter-staff", "Branch").accessToken(platform);
        assertThat(postBatch(counterStaff, body).statusCode()).isEqualTo(403);
        assertThat(postBatch(null, body).statusCode()).isEqualTo(401);
        assertThat(usersNamed(SyntheticResident.of(RESIDENTS + 100).mobileNumber())).isZero();
    }

    private HttpResponse<String> postBatch(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().realmUrl() + "/enrolment/batches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The HKID numbers of the synthetic residents' accounts, as stored on the accounts. */
    private List<String> seededNumbers() throws Exception {
        List<String> numbers = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "");
             PreparedStatement query = db.prepareStatement(
                     "select \"VALUE\" from USER_ATTRIBUTE where NAME = 'hkid_number' and \"VALUE\" like ?")) {
            query.setString(1, SEEDED_HKIDS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getString(1));
                }
            }
        }
        return numbers;
    }

    /** How many of those numbers the HKID register holds for the very account that carries them. */
    private int registeredToTheirHolder() throws Exception {
        return count("select count(*) from SMARTID_HKID h join USER_ATTRIBUTE a on a.USER_ID = h.USER_ID"
                + " and a.NAME = 'hkid_number' and a.\"VALUE\" = h.HKID_NUMBER where h.HKID_NUMBER like ?", SEEDED_HKIDS);
    }

    private int usersNamed(String username) throws Exception {
        return count("select count(*) from USER_ENTITY where USERNAME = ?", username);
    }

    private int count(String sql, String parameter) throws Exception {
        try (Connection db = DriverManager.getConnection(platform.idpDatabaseUrl(), "", "");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
