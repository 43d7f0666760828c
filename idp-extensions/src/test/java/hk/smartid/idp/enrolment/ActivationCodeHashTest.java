package hk.smartid.idp.enrolment;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationCodeHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ActivationCode CODE = ActivationCode.parse("ABCD-EFGH").orElseThrow();

    @Nested
    class Verification {

        @Test
        void shouldMatchTheRightCode() {
            ActivationCodeHash hash = ActivationCodeHash.of(CODE, RANDOM);

            assertThat(hash.matches(ActivationCode.parse(" abcd efgh ").orElseThrow())).isTrue();
        }

        @Test
        void shouldNotMatchAWrongCode() {
            ActivationCodeHash hash = ActivationCodeHash.of(CODE, RANDOM);

            assertThat(hash.matches(ActivationCode.parse("ABCD-EFGJ").orElseThrow())).isFalse();
        }

        @Test
        void shouldMatchAfterBeingStoredAndReadBack() {
            ActivationCodeHash stored = ActivationCodeHash.of(CODE, RANDOM);

            assertThat(new ActivationCodeHash(stored.salt(), stored.hash()).matches(CODE)).isTrue();
        }
    }

    @Nested
    class Salting {

        @Test
        void shouldGiveDifferentHashesForDifferentSalts() {
            ActivationCodeHash first = ActivationCodeHash.of(CODE, RANDOM);
            ActivationCodeHash second = ActivationCodeHash.of(CODE, RANDOM);

            assertThat(first.salt()).isNotEqualTo(second.salt());
            assertThat(first.hash()).isNotEqualTo(second.hash());
        }

        @Test
        void shouldUseSixteenByteSaltsAndNeverStoreThePlainCode() {
            ActivationCodeHash hash = ActivationCodeHash.of(CODE, RANDOM);

            assertThat(Base64.getDecoder().decode(hash.salt())).hasSize(16);
            assertThat(hash.hash()).doesNotContain(CODE.value());
            assertThat(Base64.getDecoder().decode(hash.hash())).hasSize(32);
        }
    }
}
