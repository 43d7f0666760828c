package hk.smartid.portal.staff;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the staff enrolment API's bodies hold, read with Yasson (the JSON-B Payara uses), and the form as it is sent. */
class EnrolmentAnswersTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSON.close();
    }

    @Test
    void aFoundResidentGivesTheirRecord() {
        ResidentRecord record = JSON.fromJson("{\"id\":\"5d1c\",\"hkidNumber\":\"A123456(3)\",\"surname\":\"CHAN\","
                + "\"givenNames\":\"Tai Man\",\"chineseName\":\"陳大文\",\"dateOfBirth\":\"1958-03-21\","
                + "\"assuranceLevel\":\"loa-verified\",\"verifiedBranch\":\"Wan Chai\","
                + "\"verifiedAt\":\"2026-11-20T02:15:00Z\"}", ResidentRecord.class);

        assertThat(record.getId()).isEqualTo("5d1c");
        assertThat(record.getHkidNumber()).isEqualTo("A123456(3)");
        assertThat(record.getChineseName()).isEqualTo("陳大文");
        assertThat(record.getVerifiedAt()).isEqualTo("2026-11-20T02:15:00Z");
        assertThat(record.getVerifiedAtHongKong()).isEqualTo("2026-11-20 10:15");
    }

    @Test
    void anIssuedCodeGivesCodeAndExpiry() {
        EnrolmentApi.IssuedCodeBody body = JSON.fromJson("{\"residentId\":\"5d1c\",\"activationCode\":\"ABCD-EFGH\","
                + "\"expiresAt\":\"2026-11-25T04:30:00Z\"}", EnrolmentApi.IssuedCodeBody.class);

        assertThat(body.toIssued()).isEqualTo(
                new ActivationCodeIssued("5d1c", "ABCD-EFGH", Instant.parse("2026-11-25T04:30:00Z")));
    }

    @Test
    void anIssuedCodeWithoutCodeOrReadableExpiryIsUnusable() {
        assertThat(JSON.fromJson("{\"residentId\":\"5d1c\"}", EnrolmentApi.IssuedCodeBody.class).toIssued()).isNull();
        assertThat(JSON.fromJson("{\"activationCode\":\"ABCD-EFGH\",\"expiresAt\":\"tomorrow\"}",
                EnrolmentApi.IssuedCodeBody.class).toIssued()).isNull();
    }

    @Test
    void theFormIsSentTrimmedWithoutBlankFields() {
        EnrolmentForm form = new EnrolmentForm();
        form.setHkidNumber(" A123456(3) ");
        form.setEmail("  ");

        assertThat(JSON.toJson(form)).contains("\"hkidNumber\":\"A123456(3)\"").doesNotContain("email");
    }
}
