package hk.smartid.idp.enrolment;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationCodeTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Nested
    class Generation {

        @RepeatedTest(50)
        void shouldUseOnlyTheAlphabetAndEightCharacters() {
            String value = ActivationCode.generate(RANDOM).value();

            assertThat(value).hasSize(8);
            assertThat(value.chars()).allMatch(c -> ActivationCode.ALPHABET.indexOf(c) >= 0);
        }

        @Test
        void shouldLeaveOutLookAlikes() {
            assertThat(ActivationCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
        }

        @Test
        void shouldDifferFromCodeToCode() {
            Set<String> codes = new HashSet<>();
            IntStream.range(0, 1000).forEach(i -> codes.add(ActivationCode.generate(RANDOM).value()));

            assertThat(codes).hasSize(1000);
        }

        @Test
        void shouldShowTheCodeWithADashInTheMiddle() {
            assertThat(ActivationCode.parse("ABCDEFGH").orElseThrow().displayForm()).isEqualTo("ABCD-EFGH");
        }

        @Test
        void shouldNotRevealTheCodeInToString() {
            assertThat(ActivationCode.parse("ABCDEFGH").orElseThrow()).hasToString("ActivationCode[********]");
        }
    }

    @Nested
    class Normalisation {

        @ParameterizedTest
        @ValueSource(strings = {"ABCDEFGH", "abcd-efgh", " ABCD EFGH ", "AbCd-EfGh", "abcd – efgh", "ＡＢＣＤ－ＥＦＧＨ", "ab cd ef gh"})
        void shouldAcceptWithOrWithoutSeparatorsInAnyCase(String typed) {
            assertThat(ActivationCode.parse(typed)).hasValueSatisfying(code -> assertThat(code.value()).isEqualTo("ABCDEFGH"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "ABCDEFG", "ABCDEFGHJ", "ABCD-EFG0", "OBCDEFGH", "ABCDEFG1", "ABCDIFGH", "ABCDLFGH", "ABCD+EFGH"})
        void shouldRejectWhatCannotBeACode(String typed) {
            assertThat(ActivationCode.parse(typed)).isEmpty();
        }

        @Test
        void shouldTreatTheSameCodeTypedDifferentlyAsEqual() {
            assertThat(ActivationCode.parse("abcd-efgh")).isEqualTo(ActivationCode.parse("ABCDEFGH"));
        }
    }
}
