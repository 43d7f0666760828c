package hk.smartid.idp.bank;

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
        return new BankRegistration(clientId, name, redirects, jwksUri, null, purposes);
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
}
