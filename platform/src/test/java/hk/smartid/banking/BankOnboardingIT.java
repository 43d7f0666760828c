package hk.smartid.banking;

import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering a bank through the onboarding API, and what the registration refuses. */
@ExtendWith(RunningPlatform.class)
class BankOnboardingIT {

    private final Platform platform;
    private final KeycloakAdmin admin;

    BankOnboardingIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
    }

    @Test
    void shouldRegisterABankAsAClientHeldToTheBankProfile() throws Exception {
        TestBank bank = TestBank.register(platform);

        Map<String, Object> client = admin.array("/clients?clientId=" + bank.clientId()).stream()
                .map(c -> (Map<String, Object>) c).findFirst().orElseThrow();
        Map<?, ?> attributes = (Map<?, ?>) client.get("attributes");
        assertThat(client.get("clientAuthenticatorType")).isEqualTo("client-jwt");
        assertThat(client.get("publicClient")).isEqualTo(false);
        assertThat(client.get("directAccessGrantsEnabled")).isEqualTo(false);
        assertThat(client.get("redirectUris")).isEqualTo(List.of(bank.redirectUri().toString()));
        assertThat(attributes.get("require.pushed.authorization.requests")).isEqualTo("true");
        assertThat(attributes.get("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(attributes.get("dpop.bound.access.tokens")).isEqualTo("true");
        assertThat(attributes.get("smartid.name.zh-HK")).isEqualTo("測試銀行");
        assertThat(client.get("optionalClientScopes")).asList().containsExactlyInAnyOrderElementsOf(TestBank.ITEMS);
        assertThat(client.get("defaultClientScopes")).asList().containsExactly("basic");
        assertThat(client.get("protocolMappers").toString()).contains("oidc-sha256-pairwise-sub-mapper");
        // Auditors see the registration in the staff audit trail.
        assertThat(StaffConsoleClient.withRole(platform, "auditor", null).auditTrail().body())
                .contains("REGISTER_BANK", "client " + bank.clientId());
    }

    @Test
    void shouldRefuseTheSameClientIdTwice() throws Exception {
        TestBank bank = TestBank.register(platform);

        HttpResponse<String> again = bank.onboard(bank.registration());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("client_exists");
    }

    @Test
    void shouldNameEachMissingOrUnsafeFieldAndCreateNothing() throws Exception {
        TestBank bank = TestBank.register(platform);
        String spoiled = bank.registration()
                .replace(bank.redirectUri().toString(), "http://bank.example/*")
                .replace(bank.clientId(), "spoiled-" + bank.clientId())
                .replace("\"zh-HK\": \"測試銀行\", ", "")
                .replace("\"person.mobile\"", "\"person.blood_type\"");

        HttpResponse<String> answer = bank.onboard(spoiled);

        assertThat(answer.statusCode()).isEqualTo(400);
        Map<String, Object> fields = TestBank.json(answer.body());
        assertThat((Map<String, Object>) fields.get("fields"))
                .containsKeys("name.zh-HK", "redirectUris[0]", "purposes[0].items");
        assertThat(admin.array("/clients?clientId=spoiled-" + bank.clientId())).isEmpty();
    }

    @Test
    void shouldRefuseACallerWithoutTheOnboardingRole() throws Exception {
        TestBank bank = TestBank.register(platform);
        KeycloakAdmin.ServiceAccount staff = admin.serviceAccount("counter-staff", "Wan Chai");
        String staffToken = staff.accessToken(platform);
        String another = bank.registration().replace(bank.clientId(), "another-" + bank.clientId());

        assertThat(bank.onboard(another, staffToken).statusCode()).isEqualTo(403);
        assertThat(bank.onboard(another, null).statusCode()).isEqualTo(401);
        assertThat(admin.array("/clients?clientId=another-" + bank.clientId())).isEmpty();
    }
}
