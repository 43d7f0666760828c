package hk.smartid.portal.idp;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the IdP's realm APIs becomes the {@link IdpResult} the pages act on, read with Yasson (the JSON-B
 * Payara uses): the same mapping for activity, passkeys, data sharing, the staff console and the audit trail.
 */
class IdpAnswerTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSON.close();
    }

    /** A body as the APIs write one. */
    public static class Thing {
        public String id;
    }

    private static <T> IdpResult<T> answer(int status, String body, Class<T> type) {
        return IdpAnswer.interpret(status, body, type, JSON);
    }

    @Test
    void anySuccessGivesItsBody() {
        assertThat(answer(200, "{\"id\":\"5d1c\"}", Thing.class))
                .isInstanceOfSatisfying(IdpResult.Success.class, success -> assertThat(((Thing) success.value()).id).isEqualTo("5d1c"));
        assertThat(answer(201, "{\"id\":\"7f3a\"}", Thing.class)).isInstanceOf(IdpResult.Success.class);
        assertThat(answer(200, "[{\"id\":\"a\"},{\"id\":\"b\"}]", Thing[].class))
                .isInstanceOfSatisfying(IdpResult.Success.class, success -> assertThat((Thing[]) success.value()).hasSize(2));
    }

    @Test
    void aSuccessWithoutBodyWhereNoneIsExpected() {
        assertThat(answer(204, "", Void.class)).isEqualTo(new IdpResult.Success<Void>(null));
        assertThat(answer(200, "{\"ended\":3}", Void.class)).isEqualTo(new IdpResult.Success<Void>(null));
    }

    @Test
    void anExpiredOrRefusedTokenEndsTheLogin() {
        assertThat(answer(401, "{\"error\":\"invalid_token\"}", Thing.class)).isEqualTo(new IdpResult.LoginOver<Thing>());
        assertThat(answer(401, "", Thing.class)).isEqualTo(new IdpResult.LoginOver<Thing>());
        assertThat(answer(401, "<html>Unauthorized</html>", Void.class)).isEqualTo(new IdpResult.LoginOver<Void>());
    }

    @Test
    void aLoginTooOldAsksForAStepUpWithTheIdpsMaxAge() {
        assertThat(answer(401, "{\"error\":\"insufficient_user_authentication\",\"max_age\":900}", Thing.class))
                .isEqualTo(new IdpResult.StepUpRequired<Thing>(900));
        // Without a limit (or a nonsense one), only a login made now is sure to do.
        assertThat(answer(401, "{\"error\":\"insufficient_user_authentication\"}", Thing.class))
                .isEqualTo(new IdpResult.StepUpRequired<Thing>(0));
        assertThat(answer(401, "{\"error\":\"insufficient_user_authentication\",\"max_age\":-5}", Thing.class))
                .isEqualTo(new IdpResult.StepUpRequired<Thing>(0));
    }

    @Test
    void refusalsSayWhat() {
        assertThat(answer(403, "{\"error\":\"insufficient_role\"}", Thing.class)).isEqualTo(new IdpResult.Forbidden<Thing>());
        assertThat(answer(403, "", Void.class)).isEqualTo(new IdpResult.Forbidden<Void>());
        assertThat(answer(404, "{\"error\":\"resident_not_found\"}", Thing.class)).isEqualTo(new IdpResult.NotFound<Thing>());
        assertThat(answer(404, "", Void.class)).isEqualTo(new IdpResult.NotFound<Void>());
    }

    @Test
    void fieldErrorsNameTheFields() {
        assertThat(answer(400, "{\"error\":\"invalid_request\",\"fields\":{\"surname\":\"smartid.enrolment.required\","
                + "\"mobileNumber\":\"smartid.enrolment.contact.required\"}}", Thing.class))
                .isEqualTo(new IdpResult.FieldErrors<Thing>(Map.of("surname", "smartid.enrolment.required",
                        "mobileNumber", "smartid.enrolment.contact.required")));
        assertThat(answer(400, "{\"error\":\"invalid_request\"}", Thing.class))
                .isEqualTo(new IdpResult.FieldErrors<Thing>(Map.of()));
        assertThat(answer(400, "Bad Request", Thing.class)).isEqualTo(new IdpResult.FieldErrors<Thing>(Map.of()));
    }

    @Test
    void conflictsCarryTheirCodeAndTheAccountConcerned() {
        assertThat(answer(409, "{\"error\":\"hkid_already_enrolled\"}", Thing.class))
                .isEqualTo(new IdpResult.Conflict<Thing>("hkid_already_enrolled", null));
        assertThat(answer(409, "{\"error\":\"contact_has_basic_account\",\"residentId\":\"7f3a\"}", Thing.class))
                .isEqualTo(new IdpResult.Conflict<Thing>("contact_has_basic_account", "7f3a"));
        assertThat(answer(409, "", Void.class)).isEqualTo(new IdpResult.Conflict<Void>("", null));
    }

    @Test
    void anythingElseIsTheIdpBeingUnavailable() {
        assertThat(answer(500, "<html>oops</html>", Thing.class)).isEqualTo(new IdpResult.Unavailable<Thing>());
        assertThat(answer(502, "", Thing.class)).isEqualTo(new IdpResult.Unavailable<Thing>());
        assertThat(answer(302, "", Thing.class)).isEqualTo(new IdpResult.Unavailable<Thing>());
        assertThat(answer(200, "not json", Thing.class)).isEqualTo(new IdpResult.Unavailable<Thing>());
        assertThat(answer(200, "", Thing.class)).isEqualTo(new IdpResult.Unavailable<Thing>());
    }

    @Test
    void aConvertedSuccessThatCannotBeUsedIsUnavailable() {
        IdpResult<Thing> found = answer(200, "{\"id\":\"5d1c\"}", Thing.class);
        assertThat(found.map(thing -> thing.id)).isEqualTo(new IdpResult.Success<>("5d1c"));
        assertThat(found.map(thing -> null)).isEqualTo(new IdpResult.Unavailable<>());
        assertThat(answer(401, "", Thing.class).map(thing -> thing.id)).isEqualTo(new IdpResult.LoginOver<String>());
    }

    @Test
    void idsAreEscapedInThePath() {
        assertThat(IdpClient.pathSegment("5d1c-77")).isEqualTo("5d1c-77");
        assertThat(IdpClient.pathSegment("a/b c")).isEqualTo("a%2Fb%20c");
    }
}
