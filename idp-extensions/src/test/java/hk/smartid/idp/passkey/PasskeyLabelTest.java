package hk.smartid.idp.passkey;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasskeyLabelTest {

    @Test
    void shouldKeepAFreeName() {
        assertThat(PasskeyLabel.unique("My phone", Set.of("Laptop"))).isEqualTo("My phone");
    }

    @Test
    void shouldNumberANameTheAccountAlreadyUses() {
        assertThat(PasskeyLabel.unique("My phone", Set.of("My phone"))).isEqualTo("My phone (2)");
        assertThat(PasskeyLabel.unique("My phone", Set.of("My phone", "My phone (2)"))).isEqualTo("My phone (3)");
    }

    @Test
    void shouldLeaveAMissingNameToKeycloak() {
        assertThat(PasskeyLabel.unique(null, Set.of("My phone"))).isNull();
        assertThat(PasskeyLabel.unique(" ", Set.of(" "))).isEqualTo(" ");
    }
}
