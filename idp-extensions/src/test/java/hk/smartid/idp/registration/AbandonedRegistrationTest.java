package hk.smartid.idp.registration;

import hk.smartid.idp.assurance.AssuranceLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonedRegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration AGE = Duration.ofMinutes(30);
    private static final Instant OLD = NOW.minus(Duration.ofMinutes(31));

    @Test
    void shouldCountAnOldEmptySelfRegisteredAccountAsAbandoned() {
        assertThat(new AbandonedRegistration(false, AssuranceLevel.BASIC, false, false, OLD).isAbandonedAt(NOW, AGE)).isTrue();
        assertThat(new AbandonedRegistration(false, AssuranceLevel.BASIC, false, false, NOW.minus(AGE)).isAbandonedAt(NOW, AGE)).isTrue();
    }

    @Test
    void shouldKeepARegistrationThatMayStillBeUnderWay() {
        assertThat(new AbandonedRegistration(false, AssuranceLevel.BASIC, false, false, NOW.minus(Duration.ofMinutes(29)))
                .isAbandonedAt(NOW, AGE)).isFalse();
    }

    @Test
    void shouldKeepAccountsWithAPasskeyCounterEnrolmentsAndServiceAccounts() {
        assertThat(new AbandonedRegistration(true, AssuranceLevel.BASIC, false, false, OLD).isAbandonedAt(NOW, AGE)).isFalse();
        assertThat(new AbandonedRegistration(false, AssuranceLevel.VERIFIED, false, false, OLD).isAbandonedAt(NOW, AGE)).isFalse();
        assertThat(new AbandonedRegistration(false, AssuranceLevel.BASIC, true, false, OLD).isAbandonedAt(NOW, AGE)).isFalse();
        assertThat(new AbandonedRegistration(false, AssuranceLevel.BASIC, false, true, OLD).isAbandonedAt(NOW, AGE)).isFalse();
        assertThat(new AbandonedRegistration(false, AssuranceLevel.BASIC, false, false, null).isAbandonedAt(NOW, AGE)).isFalse();
    }

    @Test
    void shouldReadTheRealmSettingAndFallBackToHalfAnHour() {
        assertThat(AbandonedRegistration.age("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(AbandonedRegistration.age(null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(AbandonedRegistration.age("0")).isEqualTo(Duration.ofMinutes(30));
        assertThat(AbandonedRegistration.age("-1")).isEqualTo(Duration.ofMinutes(30));
        assertThat(AbandonedRegistration.age("soon")).isEqualTo(Duration.ofMinutes(30));
    }
}
