package hk.smartid.bank.smartid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountOpeningPurposeTest {

    @Test
    void shouldAskForOpenidAndExactlyTheItemsTheBankRegistered() {
        AccountOpeningPurpose purpose = AccountOpeningPurpose.fromRegistration();

        assertThat(purpose.id()).isEqualTo("account-opening");
        assertThat(purpose.scope().toStringList()).containsExactly("openid", "person.name_en", "person.name_zh",
                "person.hkid", "person.birthdate", "person.address", "person.mobile", "person.email");
    }
}
