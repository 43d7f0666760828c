package hk.smartid.idp.bank;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BankRequestTest {

    private static final List<Purpose> PURPOSES = List.of(
            new Purpose("account-opening", Map.of("en", "To open an account"), List.of(DataItem.NAME_EN, DataItem.HKID)),
            new Purpose("marketing-check", Map.of("en", "To check your age"), List.of(DataItem.BIRTHDATE)));

    @Test
    void shouldAcceptTheItemsOfTheNamedPurposeAtVerifiedAssurance() {
        assertThat(BankRequest.refusalOf(PURPOSES, "account-opening", "openid person.name_en person.hkid", "loa-verified"))
                .isEmpty();
        assertThat(BankRequest.refusalOf(PURPOSES, "marketing-check", "openid person.birthdate", "loa-basic loa-verified"))
                .isEmpty();
    }

    @Test
    void shouldRefuseARequestWithoutAPurpose() {
        assertThat(BankRequest.refusalOf(PURPOSES, null, "openid person.hkid", "loa-verified"))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.error()).isEqualTo("invalid_request");
                    assertThat(refusal.description()).contains("purpose", "account-opening");
                });
    }

    @Test
    void shouldRefuseAPurposeTheBankNeverRegistered() {
        assertThat(BankRequest.refusalOf(PURPOSES, "credit-scoring", "openid person.hkid", "loa-verified"))
                .hasValueSatisfying(refusal -> assertThat(refusal.description()).contains("credit-scoring"));
    }

    @Test
    void shouldRefuseAnItemItsPurposeDoesNotAllow() {
        assertThat(BankRequest.refusalOf(PURPOSES, "marketing-check", "openid person.birthdate person.hkid", "loa-verified"))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.error()).isEqualTo("invalid_scope");
                    assertThat(refusal.description()).contains("person.hkid").doesNotContain("person.birthdate");
                });
    }

    @Test
    void shouldRefuseScopesThatAreNoDataItem() {
        assertThat(BankRequest.refusalOf(PURPOSES, "account-opening", "openid profile email", "loa-verified"))
                .hasValueSatisfying(refusal -> assertThat(refusal.description()).contains("profile email"));
    }

    @Test
    void shouldRefuseARequestNotAskingForAVerifiedIdentity() {
        assertThat(BankRequest.refusalOf(PURPOSES, "account-opening", "openid person.hkid", null)).isPresent();
        assertThat(BankRequest.refusalOf(PURPOSES, "account-opening", "openid person.hkid", "loa-basic"))
                .hasValueSatisfying(refusal -> assertThat(refusal.description()).contains("loa-verified"));
    }
}
