package hk.smartid.banking;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        assertThat(attributes.get("token.endpoint.auth.signing.alg")).isEqualTo("PS256");
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

    /** JWK sets a careless bank might send, and the field the refusal must name. */
    static Stream<Arguments> unacceptableKeySets() throws Exception {
        RSAKey signing = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("sig-1").generate();
        RSAKey encryption = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("enc-1").generate();
        ECKey ecSigning = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("sig-ec").generate();
        Map<String, Object> crtOnly = signing.toJSONObject();
        crtOnly.remove("d");
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyUse(KeyUse.SIGNATURE).keyID("sig-oct").generate();
        RSAKey rsa15 = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA1_5).keyID("enc-15").generate();
        return Stream.of(
                Arguments.of("RSA signing key with d", keySet(signing.toJSONObject(), encryption.toPublicJWK().toJSONObject()),
                        "jwks.keys[0]", "sig-1"),
                Arguments.of("EC signing key with d", keySet(ecSigning.toJSONObject(), encryption.toPublicJWK().toJSONObject()),
                        "jwks.keys[0]", "sig-ec"),
                Arguments.of("RSA signing key with p, q, dp, dq, qi", keySet(crtOnly, encryption.toPublicJWK().toJSONObject()),
                        "jwks.keys[0]", "sig-1"),
                Arguments.of("RSA encryption key with d", keySet(signing.toPublicJWK().toJSONObject(), encryption.toJSONObject()),
                        "jwks.keys[1]", "enc-1"),
                Arguments.of("symmetric signing key", keySet(secret.toJSONObject(), encryption.toPublicJWK().toJSONObject()),
                        "jwks.keys[0].kty", "sig-oct"),
                Arguments.of("RSA1_5 encryption key", keySet(signing.toPublicJWK().toJSONObject(), rsa15.toPublicJWK().toJSONObject()),
                        "jwks.keys[1].alg", "enc-15"));
    }

    private static String keySet(Map<String, Object> first, Map<String, Object> second) {
        return JSONObjectUtils.toJSONString(Map.of("keys", List.of(first, second)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unacceptableKeySets")
    void shouldRefuseAnUnacceptableKeyNamingItAndStoreNothing(String problem, String jwks, String field, String kid)
            throws Exception {
        TestBank bank = TestBank.register(platform);
        String careless = bank.registration(jwks).replace(bank.clientId(), "careless-" + bank.clientId());

        HttpResponse<String> answer = bank.onboard(careless);

        assertThat(answer.statusCode()).isEqualTo(400);
        Map<String, Object> body = TestBank.json(answer.body());
        assertThat(body).containsEntry("error", "invalid_request");
        assertThat((Map<String, Object>) body.get("fields")).containsKey(field);
        assertThat(((Map<?, ?>) body.get("fields")).get(field).toString()).contains(kid);
        assertThat(answer.body()).doesNotContain("\"d\"");
        assertThat(admin.array("/clients?clientId=careless-" + bank.clientId())).isEmpty();
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
