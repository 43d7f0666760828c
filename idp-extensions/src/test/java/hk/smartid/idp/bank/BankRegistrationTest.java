package hk.smartid.idp.bank;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BankRegistrationTest {

    private static final Map<String, String> NAME = Map.of("en", "Sample Bank", "zh-HK", "示範銀行", "zh-CN", "示范银行");
    private static final BankClient.RegisteredPurpose PURPOSE = new BankClient.RegisteredPurpose("account-opening",
            Map.of("en", "To open an account", "zh-HK", "開立戶口", "zh-CN", "开立户口"), List.of("person.name_en", "person.hkid"));

    private static BankRegistration registration(String clientId, Map<String, String> name, List<String> redirects,
                                                 String jwksUri, List<BankClient.RegisteredPurpose> purposes) {
        return new BankRegistration(clientId, null, name, redirects, null, null, jwksUri, null, null, purposes);
    }

    /** A login-only business: no purposes, only a signing key. */
    private static BankRegistration loginOnly(List<String> redirects, List<String> postLogout, String backchannel,
                                              List<BankClient.RegisteredPurpose> purposes, JWK... keys) {
        return new BankRegistration("utility", "login-only", NAME, redirects, postLogout, backchannel, null,
                new JWKSet(List.of(keys)).toJSONObject(false), null, purposes);
    }

    @Test
    void shouldAcceptALoginOnlyBusinessWithASigningKeyAlone() throws Exception {
        BankRegistration business = loginOnly(List.of("https://utility.example/cb"), List.of("http://localhost:22140/"),
                "https://utility.example/logout", null, new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK());

        assertThat(business.problems()).isEmpty();
        assertThat(business.profileOrDefault()).isEqualTo(RelyingPartyProfile.LOGIN_ONLY);
        assertThat(business.signingAlgorithm()).isEqualTo("ES256");
    }

    @Test
    void shouldRefuseALoginOnlyBusinessWithPurposesOrUnsafeLogoutUris() throws Exception {
        BankRegistration business = loginOnly(List.of("https://utility.example/cb"),
                List.of("http://utility.example/bye"), "https://utility.example/logout#x", List.of(PURPOSE),
                new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK());

        assertThat(business.problems()).containsOnlyKeys("purposes", "postLogoutRedirectUris[0]", "backchannelLogoutUri");
    }

    @Test
    void shouldRefuseAnUnknownProfileAndStillAskBanksForAnEncryptionKey() throws Exception {
        JWK signing = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK();
        BankRegistration unknown = new BankRegistration("utility", "everything", NAME, List.of("https://utility.example/cb"),
                null, null, null, new JWKSet(signing).toJSONObject(false), null, null);
        BankRegistration bankWithoutEncryption = withKeys(signing);

        assertThat(unknown.problems()).containsOnlyKeys("profile");
        assertThat(bankWithoutEncryption.problems()).containsOnlyKeys("jwks");
    }

    @Test
    void shouldAcceptACompleteRegistration() {
        assertThat(registration("sample-bank", NAME, List.of("https://bank.example/callback", "http://localhost:8280/callback"),
                "https://bank.example/jwks.json", List.of(PURPOSE)).problems()).isEmpty();
    }

    @Test
    void shouldNameEveryMissingLanguage() {
        assertThat(registration("sample-bank", Map.of("en", "Sample Bank"), List.of("https://bank.example/cb"),
                "https://bank.example/jwks.json", List.of(PURPOSE)).problems())
                .containsOnlyKeys("name.zh-HK", "name.zh-CN");
    }

    @Test
    void shouldRefuseRedirectUrisThatAreNotExactOrNotSafe() {
        assertThat(registration("sample-bank", NAME, List.of("https://bank.example/*", "http://bank.example/cb",
                        "https://bank.example/cb#frag", "bank.example/cb"), "https://bank.example/jwks.json", List.of(PURPOSE))
                .problems()).containsOnlyKeys("redirectUris[0]", "redirectUris[1]", "redirectUris[2]", "redirectUris[3]");
    }

    @Test
    void shouldRefuseUnknownItemsAndDuplicatePurposes() {
        BankClient.RegisteredPurpose unknown = new BankClient.RegisteredPurpose("account-opening", PURPOSE.statement(),
                List.of("person.blood_type"));
        assertThat(registration("sample-bank", NAME, List.of("https://bank.example/cb"), "https://bank.example/jwks.json",
                List.of(PURPOSE, unknown)).problems()).containsOnlyKeys("purposes[1].items", "purposes");
    }

    @Test
    void shouldRefuseABadClientIdAndMissingKeys() {
        assertThat(registration("Sample Bank!", NAME, List.of("https://bank.example/cb"), null, List.of(PURPOSE)).problems())
                .containsOnlyKeys("clientId", "jwksUri");
    }

    private static BankRegistration withKeys(JWK... keys) {
        return new BankRegistration("sample-bank", null, NAME, List.of("https://bank.example/cb"), null, null, null,
                new JWKSet(List.of(keys)).toJSONObject(false), null, List.of(PURPOSE));
    }

    @Test
    void shouldHoldAnRsaSigningKeyToPs256AndAnEcOneToEs256() throws Exception {
        RSAKey encryption = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("enc").generate().toPublicJWK();
        BankRegistration rsa = withKeys(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK(), encryption);
        BankRegistration ec = withKeys(new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK(), encryption);

        assertThat(rsa.problems()).isEmpty();
        assertThat(rsa.signingAlgorithm()).isEqualTo("PS256");
        assertThat(ec.problems()).isEmpty();
        assertThat(ec.signingAlgorithm()).isEqualTo("ES256");
        assertThat(registration("sample-bank", NAME, List.of("https://bank.example/cb"), "https://bank.example/jwks.json",
                List.of(PURPOSE)).signingAlgorithm()).isEqualTo("PS256");
    }

    @Test
    void shouldRefusePrivateSymmetricAndRsa15KeysNamingEach() throws Exception {
        RSAKey encryption = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("enc").generate();

        assertThat(withKeys(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("sig").generate(),
                encryption.toPublicJWK()).problems()).containsOnlyKeys("jwks.keys[0]")
                .hasEntrySatisfying("jwks.keys[0]", message -> assertThat(message).contains("kid sig", "private"));
        assertThat(withKeys(new OctetSequenceKeyGenerator(256).keyUse(KeyUse.SIGNATURE).keyID("oct").generate(),
                encryption.toPublicJWK()).problems()).containsKey("jwks.keys[0].kty");
        assertThat(withKeys(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate().toPublicJWK(),
                new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA1_5).keyID("old").generate()
                        .toPublicJWK()).problems()).containsOnlyKeys("jwks.keys[1].alg");
    }
}
