package hk.smartid.portal.staff;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IdP's answers, as documented for the staff enrolment API, become the right {@link ApiResult}.
 *
 * <p>The portal reads JSON with JSON-B (public fields, {@code @JsonbProperty} names), whose implementation comes
 * with Payara and is not on the unit-test class path. So these tests read the JSON with a small reader following
 * the same rules ({@link #JSON}); {@link #withTheRealJsonbWhenAvailable()} repeats a case with JSON-B itself
 * whenever a provider is present.
 */
class EnrolmentApiAnswersTest {

    private static final String RESIDENT = "{\"id\":\"5d1c\",\"hkidNumber\":\"A123456(3)\",\"surname\":\"CHAN\","
            + "\"givenNames\":\"Tai Man\",\"chineseName\":\"陳大文\",\"dateOfBirth\":\"1958-03-21\","
            + "\"assuranceLevel\":\"loa-verified\",\"verifiedBranch\":\"Wan Chai\","
            + "\"verifiedAt\":\"2026-11-20T02:15:00Z\"}";
    private static final String ISSUED = "{\"residentId\":\"5d1c\",\"activationCode\":\"ABCD-EFGH\","
            + "\"expiresAt\":\"2026-11-25T04:30:00Z\"}";

    /** JSON-B's default mapping for public fields, as far as these types use it. */
    static final EnrolmentApi.JsonReader JSON = new EnrolmentApi.JsonReader() {
        @Override
        public <X> X read(String json, Class<X> type) {
            JSONObject object = (JSONObject) JSONValue.parse(json);
            try {
                X instance = type.getDeclaredConstructor().newInstance();
                for (Field field : type.getFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    JsonbProperty renamed = field.getAnnotation(JsonbProperty.class);
                    Object value = object.get(renamed == null ? field.getName() : renamed.value());
                    if (value == null) {
                        continue;
                    }
                    if (field.getType() == Long.class) {
                        value = ((Number) value).longValue();
                    } else if (field.getType() == Map.class) {
                        Map<String, String> map = new LinkedHashMap<>();
                        ((Map<?, ?>) value).forEach((k, v) -> map.put((String) k, (String) v));
                        value = map;
                    }
                    field.set(instance, value);
                }
                return instance;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private static ApiResult<ResidentRecord> search(int status, String body) {
        return EnrolmentApi.interpret(status, body, 200, ResidentRecord.class, Function.identity(), JSON);
    }

    private static ApiResult<ActivationCodeIssued> issue(int status, String body) {
        return EnrolmentApi.interpret(status, body, 201, EnrolmentApi.IssuedCodeBody.class,
                EnrolmentApi.IssuedCodeBody::toIssued, JSON);
    }

    @Test
    void aFoundResidentGivesTheirRecord() {
        ApiResult<ResidentRecord> result = search(200, RESIDENT);

        assertThat(result).isInstanceOf(ApiResult.Success.class);
        ResidentRecord record = ((ApiResult.Success<ResidentRecord>) result).value();
        assertThat(record.getId()).isEqualTo("5d1c");
        assertThat(record.getHkidNumber()).isEqualTo("A123456(3)");
        assertThat(record.getSurname()).isEqualTo("CHAN");
        assertThat(record.getGivenNames()).isEqualTo("Tai Man");
        assertThat(record.getChineseName()).isEqualTo("陳大文");
        assertThat(record.getDateOfBirth()).isEqualTo("1958-03-21");
        assertThat(record.getAssuranceLevel()).isEqualTo("loa-verified");
        assertThat(record.getVerifiedBranch()).isEqualTo("Wan Chai");
        assertThat(record.getVerifiedAt()).isEqualTo("2026-11-20T02:15:00Z");
        assertThat(record.getVerifiedAtHongKong()).isEqualTo("2026-11-20 10:15");
    }

    @Test
    void notFoundAndInvalidHkid() {
        assertThat(search(404, "{\"error\":\"resident_not_found\"}")).isInstanceOf(ApiResult.NotFound.class);
        assertThat(search(400, "{\"error\":\"invalid_request\",\"fields\":{\"hkidNumber\":\"smartid.hkid.shape\"}}"))
                .isEqualTo(new ApiResult.FieldErrors<>(Map.of("hkidNumber", "smartid.hkid.shape")));
    }

    @Test
    void anIssuedCodeGivesCodeAndExpiry() {
        assertThat(issue(201, ISSUED)).isEqualTo(new ApiResult.Success<>(
                new ActivationCodeIssued("5d1c", "ABCD-EFGH", Instant.parse("2026-11-25T04:30:00Z"))));
    }

    @Test
    void enrolmentRefusals() {
        assertThat(issue(400, "{\"error\":\"invalid_request\",\"fields\":{\"surname\":\"smartid.enrolment.required\","
                + "\"mobileNumber\":\"smartid.enrolment.contact.required\"}}"))
                .isEqualTo(new ApiResult.FieldErrors<>(Map.of("surname", "smartid.enrolment.required",
                        "mobileNumber", "smartid.enrolment.contact.required")));
        assertThat(issue(400, "{\"error\":\"invalid_request\"}")).isEqualTo(new ApiResult.FieldErrors<>(Map.of()));
        assertThat(issue(409, "{\"error\":\"hkid_already_enrolled\"}")).isInstanceOf(ApiResult.AlreadyEnrolled.class);
        assertThat(issue(409, "{\"error\":\"contact_has_basic_account\",\"residentId\":\"7f3a\"}"))
                .isEqualTo(new ApiResult.BasicAccountExists<>("7f3a"));
        assertThat(issue(404, "{\"error\":\"resident_not_found\"}")).isInstanceOf(ApiResult.NotFound.class);
    }

    @Test
    void refusalsOfEveryCall() {
        assertThat(search(401, "{\"error\":\"invalid_token\"}")).isInstanceOf(ApiResult.LoginOver.class);
        assertThat(issue(401, "")).isInstanceOf(ApiResult.LoginOver.class);
        assertThat(issue(401, "{\"error\":\"insufficient_user_authentication\",\"max_age\":900}"))
                .isEqualTo(new ApiResult.StepUpRequired<>(900));
        assertThat(search(403, "{\"error\":\"insufficient_role\"}")).isInstanceOf(ApiResult.Forbidden.class);
    }

    @Test
    void anythingElseIsTheIdpBeingUnavailable() {
        assertThat(search(500, "<html>oops</html>")).isInstanceOf(ApiResult.Unavailable.class);
        assertThat(search(502, "")).isInstanceOf(ApiResult.Unavailable.class);
        assertThat(issue(201, "{\"residentId\":\"5d1c\"}")).isInstanceOf(ApiResult.Unavailable.class);
        assertThat(issue(201, "{\"activationCode\":\"ABCD-EFGH\",\"expiresAt\":\"tomorrow\"}"))
                .isInstanceOf(ApiResult.Unavailable.class);
        assertThat(search(200, "not json")).isInstanceOf(ApiResult.Unavailable.class);
    }

    @Test
    void residentIdsAreEscapedInThePath() {
        assertThat(EnrolmentApi.pathSegment("5d1c-77")).isEqualTo("5d1c-77");
        assertThat(EnrolmentApi.pathSegment("a/b c")).isEqualTo("a%2Fb%20c");
    }

    @Test
    void withTheRealJsonb() throws Exception {
        // Yasson, the JSON-B Payara uses, is on the test class path.
        Jsonb jsonb = JsonbBuilder.create();
        try (jsonb) {
            ApiResult<ActivationCodeIssued> issued = EnrolmentApi.interpret(201, ISSUED, 201,
                    EnrolmentApi.IssuedCodeBody.class, EnrolmentApi.IssuedCodeBody::toIssued, jsonb::fromJson);
            assertThat(issued).isInstanceOf(ApiResult.Success.class);
            assertThat(EnrolmentApi.interpret(401, "{\"error\":\"insufficient_user_authentication\",\"max_age\":900}",
                    201, EnrolmentApi.IssuedCodeBody.class, EnrolmentApi.IssuedCodeBody::toIssued, jsonb::fromJson))
                    .isEqualTo(new ApiResult.StepUpRequired<>(900));
            EnrolmentForm form = new EnrolmentForm();
            form.setHkidNumber(" A123456(3) ");
            form.setEmail("  ");
            assertThat(jsonb.toJson(form)).contains("\"hkidNumber\":\"A123456(3)\"").doesNotContain("email");
        }
    }
}
