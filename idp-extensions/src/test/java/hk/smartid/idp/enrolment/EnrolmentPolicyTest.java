package hk.smartid.idp.enrolment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentPolicyTest {

    @Test
    void shouldReadBothSettingsInSeconds() {
        EnrolmentPolicy policy = EnrolmentPolicy.fromAttributes("300", " 5 ");

        assertThat(policy.staffMaxAuthAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.activationCodeValidity()).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "-60", "15m", "9.5", "99999999999"})
    void shouldFallBackToFifteenMinutesWhenASettingIsMissingOrUnusable(String value) {
        EnrolmentPolicy policy = EnrolmentPolicy.fromAttributes(value, value);

        assertThat(policy.staffMaxAuthAge()).isEqualTo(Duration.ofSeconds(900));
        assertThat(policy.activationCodeValidity()).isEqualTo(Duration.ofSeconds(900));
    }
}
