package hk.smartid.idp;

import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static hk.smartid.idp.StaffConsoleClient.enrolment;
import static hk.smartid.idp.StaffConsoleClient.randomHkid;
import static hk.smartid.idp.StaffConsoleClient.randomMobile;
import static org.assertj.core.api.Assertions.assertThat;

/** The staff enrolment API of the real IdP, called as the staff console calls it. */
@ExtendWith(RunningPlatform.class)
class EnrolmentApiIT {

    private static final String BIRTH = "1958-03-21";

    private final Platform platform;
    private final KeycloakAdmin admin;
    private final StaffConsoleClient staff;

    EnrolmentApiIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
        this.staff = StaffConsoleClient.forCounterStaff(platform, "Wan Chai");
    }

    @Test
    void shouldEnrolAResidentAtVerifiedAssuranceAndReturnAOneTimeCode() throws Exception {
        String hkid = randomHkid();
        HttpResponse<String> response = staff.postEnrolment(enrolment(hkid, BIRTH, randomMobile()));

        assertThat(response.statusCode()).isEqualTo(201);
        Map<String, Object> issued = JSONObjectUtils.parse(response.body());
        assertThat((String) issued.get("activationCode")).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(java.time.Instant.parse((String) issued.get("expiresAt"))).isAfter(java.time.Instant.now());
        Map<String, Object> resident = admin.object("/users/" + issued.get("residentId"));
        Map<?, ?> attributes = (Map<?, ?>) resident.get("attributes");
        assertThat(attributes.get("assurance_level")).isEqualTo(List.of("loa-verified"));
        assertThat(attributes.get("hkid_number")).isEqualTo(List.of(HkidNumber.of(hkid).toString()));
        assertThat(attributes.get("verified_branch")).isEqualTo(List.of("Wan Chai"));
        assertThat(resident.get("requiredActions").toString()).contains("smartid-passkey-register");
        assertThat(response.body()).doesNotContain(HkidNumber.of(hkid).toString());
    }

    @Test
    void shouldFindAnEnrolledResidentByHkidWrittenEitherWay() throws Exception {
        String hkid = randomHkid();
        staff.enrol(hkid, BIRTH);

        HttpResponse<String> found = staff.findResident(HkidNumber.of(hkid).toCompactString().toLowerCase());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(found.body()).get("hkidNumber")).isEqualTo(HkidNumber.of(hkid).toString());
        assertThat(staff.findResident(randomHkid()).statusCode()).isEqualTo(404);
    }

    /**
     * Staff find residents through the HKID register; a number an administrator changed on the account itself is
     * found by the account's number, never by the register's old row.
     */
    @Test
    void shouldFindAResidentWhoseNumberAnAdministratorChangedByTheNewNumberOnly() throws Exception {
        String enrolled = randomHkid();
        staff.enrol(enrolled, BIRTH);
        String residentId = staff.find(enrolled);
        String corrected = randomHkid();

        admin.setAttribute(residentId, "hkid_number", HkidNumber.of(corrected).toString());

        assertThat(staff.find(corrected)).isEqualTo(residentId);
        assertThat(staff.findResident(enrolled).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLetAnAuditorReadEveryStaffActionIncludingRefusals() throws Exception {
        String hkid = randomHkid();
        staff.enrol(hkid, BIRTH);
        StaffConsoleClient.withRole(platform, null, null).findResident(hkid);

        HttpResponse<String> trail = StaffConsoleClient.withRole(platform, "auditor", null).auditTrail();

        assertThat(trail.statusCode()).isEqualTo(200);
        List<Object> entries = com.nimbusds.jose.util.JSONArrayUtils.parse(trail.body());
        assertThat(entries).anySatisfy(entry -> {
            Map<?, ?> e = (Map<?, ?>) entry;
            assertThat(e.get("action")).isEqualTo("ENROL");
            assertThat(e.get("outcome")).isEqualTo("SUCCESS");
            assertThat(e.get("branch")).isEqualTo("Wan Chai");
            assertThat(java.time.Instant.parse((String) e.get("occurredAt"))).isBefore(java.time.Instant.now());
        });
        assertThat(entries).anySatisfy(entry -> {
            Map<?, ?> e = (Map<?, ?>) entry;
            assertThat(e.get("action")).isEqualTo("SEARCH");
            assertThat(e.get("outcome")).isEqualTo("REFUSED");
        });
        assertThat(trail.body()).doesNotContain(HkidNumber.of(hkid).toString());
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseToVerifyAnAccountThatIsAlreadyVerified() throws Exception {
            String hkid = randomHkid();
            staff.enrol(hkid, BIRTH);

            HttpResponse<String> response = staff.verifyExisting(staff.find(hkid),
                    enrolment(randomHkid(), BIRTH, randomMobile()));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(JSONObjectUtils.parse(response.body()).get("error")).isEqualTo("already_verified");
        }

        @Test
        void shouldRefuseTheAuditTrailToCounterStaff() throws Exception {
            assertThat(staff.auditTrail().statusCode()).isEqualTo(403);
        }


        @Test
        void shouldRefuseAResidentsToken() throws Exception {
            StaffConsoleClient resident = StaffConsoleClient.withRole(platform, null, null);
            String hkid = randomHkid();

            HttpResponse<String> response = resident.postEnrolment(enrolment(hkid, BIRTH, randomMobile()));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(resident.findResident(hkid).statusCode()).isEqualTo(403);
            assertThat(staff.findResident(hkid).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseACallWithoutAToken() throws Exception {
            HttpResponse<String> response = StaffConsoleClient.withoutToken(platform)
                    .postEnrolment(enrolment(randomHkid(), BIRTH, randomMobile()));
            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void shouldRefuseASecondEnrolmentOfTheSameHkidAndCreateNothing() throws Exception {
            String hkid = randomHkid();
            staff.enrol(hkid, BIRTH);
            String secondMobile = randomMobile();

            HttpResponse<String> second = staff.postEnrolment(enrolment(hkid, BIRTH, secondMobile));

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(JSONObjectUtils.parse(second.body()).get("error")).isEqualTo("hkid_already_enrolled");
            assertThat(admin.array("/users?username=" + secondMobile + "&exact=true")).isEmpty();
        }

        @Test
        void shouldRefuseAWrongCheckDigitWithTheFieldToBlameAndCreateNothing() throws Exception {
            String valid = HkidNumber.of(randomHkid()).toCompactString();
            char wrong = valid.endsWith("0") ? '1' : '0';
            String mobile = randomMobile();

            HttpResponse<String> response = staff.postEnrolment(
                    enrolment(valid.substring(0, valid.length() - 1) + wrong, BIRTH, mobile));

            assertThat(response.statusCode()).isEqualTo(400);
            Map<?, ?> fields = (Map<?, ?>) JSONObjectUtils.parse(response.body()).get("fields");
            assertThat(fields.get("hkidNumber")).isEqualTo("smartid.hkid.checkDigit");
            assertThat(admin.array("/users?username=" + mobile + "&exact=true")).isEmpty();
        }
    }
}
