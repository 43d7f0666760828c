package hk.smartid.portal.developers;

import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The developer area's own check of an integration request, before the onboarding API sees it. */
class IntegrationRequestTest {

    private static IntegrationRequest request(IntegrationProfile profile, List<String> items, String redirectUris,
                                              String jwksKind, String jwksUri, String jwksJson) {
        return new IntegrationRequest("Power Co", "電力公司", "电力公司", profile, "billing", "To bill you", "為你發單",
                "为你开单", items, redirectUris, "https://power.example/bye", "https://power.example/backchannel",
                jwksKind, jwksUri, jwksJson);
    }

    @Test
    void aCompleteDataSharingRequestHasNoProblemAndBecomesTheOnboardingRegistration() throws Exception {
        IntegrationRequest request = request(IntegrationProfile.DATA_SHARING, List.of("person.name_en", "person.email"),
                "https://power.example/callback\n\nhttp://localhost:9000/callback", "url", "https://power.example/jwks", null);
        assertThat(request.problems()).isEmpty();

        Map<String, Object> registration = IntegrationRequest.registrationFor(request.registrationJson(), "sandbox-abc");
        assertThat(registration).containsEntry("clientId", "sandbox-abc")
                .containsEntry("redirectUris", List.of("https://power.example/callback", "http://localhost:9000/callback"))
                .containsEntry("postLogoutRedirectUris", List.of("https://power.example/bye"))
                .containsEntry("backchannelLogoutUri", "https://power.example/backchannel")
                .containsEntry("jwksUri", "https://power.example/jwks")
                .doesNotContainKey("profile");
        assertThat(JsonbBuilder.create().toJson(registration.get("purposes")))
                .contains("\"id\":\"billing\"").contains("person.email").contains("為你發單");
    }

    @Test
    void loginOnlyNamesItsProfileAndNeedsNoPurpose() {
        IntegrationRequest request = new IntegrationRequest("Power Co", "電力公司", "电力公司", IntegrationProfile.LOGIN_ONLY,
                null, null, null, null, List.of(), "https://power.example/callback", null, null, "inline", null,
                "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"a\", \"y\": \"b\", \"use\": \"sig\"}]}");
        assertThat(request.problems()).isEmpty();
        Map<String, Object> registration = IntegrationRequest.registrationFor(request.registrationJson(), "sandbox-abc");
        assertThat(registration).containsEntry("profile", "login-only").doesNotContainKey("purposes").containsKey("jwks");
    }

    @Test
    void eachBadFieldIsNamed() {
        IntegrationRequest request = new IntegrationRequest(" ", "電力公司", "x".repeat(501), IntegrationProfile.DATA_SHARING,
                "Billing!", "", "為你發單", "为你开单", List.of("person.salary"),
                "https://power.example/callback\nhttp://power.example/callback", "https://power.example/*",
                "ftp://power.example/x", "inline", null, "[1, 2]");
        assertThat(request.problems()).containsOnlyKeys("nameEn", "nameZhCn", "purposeId", "purposeEn", "items",
                "redirectUris", "postLogoutRedirectUris", "backchannelLogoutUri", "jwksJson");
        assertThat(request.problems().get("redirectUris")).isEqualTo(FieldProblem.of("developers.error.uri", 2));
        assertThat(request.problems().get("nameZhCn")).isEqualTo(FieldProblem.of("developers.error.tooLong", 500));
    }

    @Test
    void anInlineJwkSetMustBeAnObjectWithKeys() {
        for (String bad : List.of("not json", "{}", "{\"keys\": []}", "{\"keys\": 1}")) {
            assertThat(request(IntegrationProfile.DATA_SHARING, List.of("person.hkid"), "https://a.example/cb", "inline",
                    null, bad).problems()).as(bad).containsOnlyKeys("jwksJson");
        }
        assertThat(request(IntegrationProfile.DATA_SHARING, List.of("person.hkid"), "https://a.example/cb", "url", "", null)
                .problems()).containsOnlyKeys("jwksUri");
    }

    @Test
    void businessRegistrationNumbersAreEightDigits() {
        assertThat(DeveloperIntegrations.BUSINESS_REGISTRATION_NUMBER.matcher("12345678").matches()).isTrue();
        for (String bad : List.of("1234567", "123456789", "1234567A", "１２３４５６７８")) {
            assertThat(DeveloperIntegrations.BUSINESS_REGISTRATION_NUMBER.matcher(bad).matches()).as(bad).isFalse();
        }
    }

    @Test
    void anOnboardingFieldPathIsShownAtItsFormField() {
        assertThat(IntegrationForm.fieldOf("redirectUris[1]")).isEqualTo("redirectUris");
        assertThat(IntegrationForm.fieldOf("jwks.keys[0]")).isEqualTo("jwksJson");
        assertThat(IntegrationForm.fieldOf("name.zh-HK")).isEqualTo("nameZhHk");
        assertThat(IntegrationForm.fieldOf("purposes[0].statement.zh-CN")).isEqualTo("purposeZhCn");
        assertThat(IntegrationForm.fieldOf("purposes[0].items")).isEqualTo("items");
        assertThat(IntegrationForm.fieldOf("purposes")).isEqualTo("profile");
        assertThat(IntegrationForm.fieldOf("body")).isEqualTo("form");
    }
}
