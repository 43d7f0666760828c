package hk.smartid.idp.enrolment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The redemption rules on an entity in memory, no database. */
class CodeRedemptionTest {

    private static final String RIGHT = "ABCD-EFGH";
    private static final String WRONG = "ABCD-EFGJ";
    private static final Instant ISSUED = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofDays(7));
    private static final Instant NOW = ISSUED.plus(Duration.ofHours(1));

    private ActivationCodeEntity code;

    @BeforeEach
    void issueCode() {
        ActivationCodeHash hash = ActivationCodeHash.of(ActivationCode.parse(RIGHT).orElseThrow(), new SecureRandom());
        code = new ActivationCodeEntity();
        code.setId("c1");
        code.setRealmId("realm");
        code.setUserId("resident");
        code.setCodeHash(hash.hash());
        code.setSalt(hash.salt());
        code.setIssuedAt(ISSUED.toEpochMilli());
        code.setExpiresAt(EXPIRES.toEpochMilli());
        code.setIssuedByStaffId("staff");
        code.setIssuedAtBranch("Wan Chai");
    }

    private Redemption attempt(String typed) {
        return CodeRedemption.attempt(code, typed, NOW);
    }

    @Nested
    class RightCode {

        @ParameterizedTest
        @ValueSource(strings = {RIGHT, "abcdefgh", " abcd efgh "})
        void shouldAcceptTheRightCodeHoweverTyped(String typed) {
            assertThat(attempt(typed)).isEqualTo(Redemption.ACCEPTED);
            assertThat(code.getUsedAt()).isEqualTo(NOW.toEpochMilli());
        }

        @Test
        void shouldAcceptOnceThenSayUsed() {
            assertThat(attempt(RIGHT)).isEqualTo(Redemption.ACCEPTED);
            assertThat(attempt(RIGHT)).isEqualTo(Redemption.USED);
            assertThat(attempt(WRONG)).isEqualTo(Redemption.USED);
            assertThat(code.getFailedAttempts()).isZero();
        }

        @Test
        void shouldAcceptUpToTheLastMillisecond() {
            assertThat(CodeRedemption.attempt(code, RIGHT, EXPIRES.minusMillis(1))).isEqualTo(Redemption.ACCEPTED);
        }
    }

    @Nested
    class Expiry {

        @Test
        void shouldSayExpiredFromExpiresAtOn() {
            assertThat(CodeRedemption.attempt(code, RIGHT, EXPIRES)).isEqualTo(Redemption.EXPIRED);
            assertThat(CodeRedemption.attempt(code, RIGHT, EXPIRES.plus(Duration.ofDays(1)))).isEqualTo(Redemption.EXPIRED);
            assertThat(code.getUsedAt()).isNull();
        }

        @Test
        void shouldNotCountTriesOnAnExpiredCode() {
            CodeRedemption.attempt(code, WRONG, EXPIRES);

            assertThat(code.getFailedAttempts()).isZero();
        }

        @Test
        void shouldStillSayUsedAfterExpiry() {
            attempt(RIGHT);

            assertThat(CodeRedemption.attempt(code, RIGHT, EXPIRES.plusSeconds(1))).isEqualTo(Redemption.USED);
        }
    }

    @Nested
    class WrongTries {

        @Test
        void shouldCountAWrongTry() {
            assertThat(attempt(WRONG)).isEqualTo(Redemption.WRONG);
            assertThat(code.getFailedAttempts()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "nonsense", "ABCD-EFG0"})
        void shouldCountInputThatCannotBeACodeAsWrong(String typed) {
            assertThat(attempt(typed)).isEqualTo(Redemption.WRONG);
            assertThat(code.getFailedAttempts()).isEqualTo(1);
        }

        @Test
        void shouldAcceptTheRightCodeAfterFourWrongTries() {
            IntStream.range(0, 4).forEach(i -> assertThat(attempt(WRONG)).isEqualTo(Redemption.WRONG));

            assertThat(attempt(RIGHT)).isEqualTo(Redemption.ACCEPTED);
        }

        @Test
        void shouldLockOnTheFifthWrongTry() {
            IntStream.range(0, 4).forEach(i -> attempt(WRONG));

            assertThat(attempt(WRONG)).isEqualTo(Redemption.LOCKED);
            assertThat(code.getFailedAttempts()).isEqualTo(ActivationCodes.MAX_WRONG_TRIES);
        }

        @Test
        void shouldRefuseTheRightCodeAfterFiveWrongTries() {
            IntStream.range(0, 5).forEach(i -> attempt(WRONG));

            assertThat(attempt(RIGHT)).isEqualTo(Redemption.LOCKED);
            assertThat(attempt(RIGHT)).isEqualTo(Redemption.LOCKED);
            assertThat(code.getUsedAt()).isNull();
            assertThat(code.getFailedAttempts()).isEqualTo(ActivationCodes.MAX_WRONG_TRIES);
        }

        @Test
        void shouldStaySayingLockedAfterExpiry() {
            IntStream.range(0, 5).forEach(i -> attempt(WRONG));

            assertThat(CodeRedemption.attempt(code, RIGHT, EXPIRES.plusSeconds(1))).isEqualTo(Redemption.LOCKED);
        }
    }

    @Nested
    class NoCode {

        @Test
        void shouldSayNoneWithoutACode() {
            assertThat(CodeRedemption.attempt(null, RIGHT, NOW)).isEqualTo(Redemption.NONE);
        }

        @Test
        void shouldSayNoneForARevokedCode() {
            code.setRevokedAt(NOW.toEpochMilli());

            assertThat(attempt(RIGHT)).isEqualTo(Redemption.NONE);
            assertThat(code.getUsedAt()).isNull();
        }
    }
}
