package hk.smartid.idp.enrolment;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StaffLoginAgeTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();

    @Nested
    class PersonWithPasskey {

        @Test
        void shouldAcceptALoginWithinMaxAge() {
            assertThat(new StaffLoginAge(NOW_SECONDS - 900, NOW_SECONDS, false).isWithin(MAX_AGE, NOW)).isTrue();
        }

        @Test
        void shouldRefuseALoginOlderThanMaxAgeEvenWithAFreshToken() {
            assertThat(new StaffLoginAge(NOW_SECONDS - 901, NOW_SECONDS, false).isWithin(MAX_AGE, NOW)).isFalse();
        }

        @Test
        void shouldRefuseATokenWithoutAuthTime() {
            assertThat(new StaffLoginAge(null, NOW_SECONDS, false).isWithin(MAX_AGE, NOW)).isFalse();
        }
    }

    @Nested
    class CounterTerminalServiceAccount {

        @Test
        void shouldCountTheTokenIssueAsTheLogin() {
            assertThat(new StaffLoginAge(null, NOW_SECONDS - 60, true).isWithin(MAX_AGE, NOW)).isTrue();
        }

        @Test
        void shouldRefuseAnOldToken() {
            assertThat(new StaffLoginAge(null, NOW_SECONDS - 901, true).isWithin(MAX_AGE, NOW)).isFalse();
        }
    }
}
