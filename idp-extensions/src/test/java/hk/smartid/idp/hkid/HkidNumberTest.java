package hk.smartid.idp.hkid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.smartid.idp.hkid.HkidNumber.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HKID check digit rule, worked by hand (letters: A=10 ... Z=35; a one-letter number starts with
 * a space worth 36; weights 9 8 7 6 5 4 3 2; check = 11 - (sum mod 11), 11 -> 0, 10 -> A):
 *
 * <pre>
 * A123456    36*9 + 10*8 + 1*7 + 2*6 + 3*5 + 4*4 + 5*3 + 6*2 = 324 + 80 + 77 = 481;
 *            481 = 43*11 + 8  -> 11 - 8 = 3            -> A123456(3)  (the published example)
 * G123456    324 + 16*8 + 77 = 529;  529 = 48*11 + 1   -> 11 - 1 = 10 -> G123456(A)
 * K123456    324 + 20*8 + 77 = 561;  561 = 51*11 + 0   -> 11 - 0 = 11 -> K123456(0)
 * L123456    324 + 21*8 + 77 = 569;  569 = 51*11 + 8   -> 3           -> L123456(3)
 * C668668    324 + 12*8 + 6*7 + 6*6 + 8*5 + 6*4 + 6*3 + 8*2 = 324 + 96 + 176 = 596;
 *            596 = 54*11 + 2  -> 9                     -> C668668(9)
 * Z000000    324 + 35*8 = 604;       604 = 54*11 + 10  -> 1           -> Z000000(1)
 * AB987654   10*9 + 11*8 + 9*7 + 8*6 + 7*5 + 6*4 + 5*3 + 4*2 = 90 + 88 + 193 = 371;
 *            371 = 33*11 + 8  -> 3                     -> AB987654(3)
 * XY000000   33*9 + 34*8 = 297 + 272 = 569;  569 = 51*11 + 8 -> 3     -> XY000000(3)
 * AZ111111   10*9 + 35*8 + 1*(7+6+5+4+3+2) = 90 + 280 + 27 = 397;
 *            397 = 36*11 + 1  -> 10                    -> AZ111111(A)
 * WX123456   32*9 + 33*8 + 77 = 288 + 264 + 77 = 629;  629 = 57*11 + 2 -> 9 -> WX123456(9)
 * </pre>
 */
class HkidNumberTest {

    @Nested
    class ValidNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"A123456(3)", "G123456(A)", "K123456(0)", "L123456(3)", "C668668(9)", "Z000000(1)"})
        void shouldAcceptOneLetterNumbersWithBrackets(String input) {
            assertValid(input, input);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AB987654(3)", "XY000000(3)", "AZ111111(A)", "WX123456(9)"})
        void shouldAcceptTwoLetterNumbersWithBrackets(String input) {
            assertValid(input, input);
        }

        @ParameterizedTest
        @CsvSource({
                "A1234563, A123456(3)",
                "G123456A, G123456(A)",
                "K1234560, K123456(0)",
                "AB9876543, AB987654(3)",
                "AZ111111A, AZ111111(A)"})
        void shouldAcceptNumbersWithoutBrackets(String input, String canonical) {
            assertValid(input, canonical);
        }

        @ParameterizedTest
        @CsvSource({
                "a123456(3), A123456(3)",
                "g123456(a), G123456(A)",
                "g123456a, G123456(A)",
                "ab987654(3), AB987654(3)",
                "aZ111111(a), AZ111111(A)"})
        void shouldAcceptLowerCase(String input, String canonical) {
            assertValid(input, canonical);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                " A123456(3)", "A123456(3) ", "  A123456(3)  ", "\tA123456(3)\n",
                "\u3000A123456(3)\u3000", // ideographic (full-width) space from a Chinese input method
                " a1234563 "})
        void shouldAcceptSurroundingWhiteSpace(String input) {
            assertValid(input, "A123456(3)");
        }

        private void assertValid(String input, String canonical) {
            HkidNumber.ParseResult result = HkidNumber.parse(input);
            assertThat(result.isValid()).as(input).isTrue();
            assertThat(result.problem()).as(input).isEmpty();
            assertThat(result.number()).as(input).hasValueSatisfying(n -> assertThat(n).hasToString(canonical));
            assertThat(HkidNumber.isValid(input)).as(input).isTrue();
        }
    }

    @Nested
    class Normalisation {

        @Test
        void shouldGiveTheCanonicalAndCompactFormsAndTheParts() {
            HkidNumber number = HkidNumber.of(" ab9876543 ");

            assertThat(number.toString()).isEqualTo("AB987654(3)");
            assertThat(number.toCompactString()).isEqualTo("AB9876543");
            assertThat(number.letters()).isEqualTo("AB");
            assertThat(number.digits()).isEqualTo("987654");
            assertThat(number.checkDigit()).isEqualTo('3');
        }

        @Test
        void shouldGiveTheCheckDigitAInUpperCase() {
            HkidNumber number = HkidNumber.of("g123456a");

            assertThat(number.checkDigit()).isEqualTo('A');
            assertThat(number.toCompactString()).isEqualTo("G123456A");
        }

        @ParameterizedTest
        @ValueSource(strings = {"A123456(3)", "A1234563", "a123456(3)", " a1234563 "})
        void shouldTreatEverySpellingAsTheSameNumber(String input) {
            HkidNumber canonical = HkidNumber.of("A123456(3)");
            HkidNumber number = HkidNumber.of(input);

            assertThat(number).isEqualTo(canonical).hasSameHashCodeAs(canonical);
        }

        @Test
        void shouldParseItsOwnFormsBackToTheSameNumber() {
            HkidNumber number = HkidNumber.of("AZ111111(A)");

            assertThat(HkidNumber.of(number.toString())).isEqualTo(number);
            assertThat(HkidNumber.of(number.toCompactString())).isEqualTo(number);
        }

        @Test
        void shouldTellNumbersApart() {
            assertThat(HkidNumber.of("A123456(3)")).isNotEqualTo(HkidNumber.of("L123456(3)"));
        }
    }

    @Nested
    class EmptyInput {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t", "\n", "\u3000"})
        void shouldReportEmpty(String input) {
            assertProblem(input, Problem.EMPTY);
        }
    }

    @Nested
    class WrongShape {

        @ParameterizedTest
        @ValueSource(strings = {"A12345(6)", "A12345", "A", "(3)", "A123456", "AB123456"})
        void shouldRejectNumbersThatAreTooShort(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"A1234567(3)", "A123456(33)", "A12345633", "AB9876543(3)"})
        void shouldRejectNumbersThatAreTooLong(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1123456(3)", "11234563", "1B987654(3)", "A1987654(3)", "123456(3)"})
        void shouldRejectDigitsWhereLettersGo(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AB23456(3)", "A12B456(3)", "A12345C(3)", "AO23456(3)", "A1234S6(3)"})
        void shouldRejectLettersWhereDigitsGo(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ABC123456(3)", "ABC1234563", "abc123456(3)"})
        void shouldRejectThreeLetters(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        /** The check digit is 0-9 or A; no other letter is ever a check digit. */
        @ParameterizedTest
        @ValueSource(strings = {"A123456(B)", "A123456B", "C668668(E)", "C668668E", "A123456(Z)", "A123456(a3)"})
        void shouldRejectLettersOtherThanAAsCheckDigit(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "A123456()", "A123456(3", "A1234563)", "A123456[3]", "A123456((3))", "(A123456(3))",
                "A123456 (3)", "A 123456(3)", "A123 456(3)", "A123456-3", "A-123456(3)", "A123456(3)."})
        void shouldRejectOtherPunctuationAndInnerSpaces(String input) {
            assertProblem(input, Problem.SHAPE);
        }

        /** Only ASCII letters and digits; no look-alikes that upper-case or fold to them. */
        @ParameterizedTest
        @ValueSource(strings = {
                "\u0131123456(3)",           // dotless i, which upper-cases to I
                "\uFF21123456(3)",           // full-width A
                "A\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16(3)", // full-width digits
                "A123456\uFF083\uFF09",      // full-width brackets
                "A\u0661\u0662\u0663\u0664\u0665\u0666(3)", // Arabic-Indic digits
                "\u0391123456(3)"})          // Greek capital alpha
        void shouldRejectNonAsciiLookAlikes(String input) {
            assertProblem(input, Problem.SHAPE);
        }
    }

    @Nested
    class WrongCheckDigit {

        /** A123456(3) with one character changed; every position carries a weight, so each is caught. */
        @ParameterizedTest
        @ValueSource(strings = {
                "B123456(3)", // letter (weight 8)
                "A023456(3)", // 1st digit (weight 7)
                "A133456(3)", // 2nd digit (weight 6)
                "A124456(3)", // 3rd digit (weight 5)
                "A123356(3)", // 4th digit (weight 4)
                "A123446(3)", // 5th digit (weight 3)
                "A123457(3)", // 6th digit (weight 2)
                "A123456(4)", // check digit
                "A123456(A)", // check digit A instead of 3
                "A1234564"})  // check digit, without brackets
        void shouldReportAChangedCharacterOfAOneLetterNumber(String input) {
            assertProblem(input, Problem.CHECK_DIGIT);
        }

        /** AB987654(3) with one character changed. */
        @ParameterizedTest
        @ValueSource(strings = {
                "BB987654(3)", // 1st letter (weight 9)
                "AC987654(3)", // 2nd letter (weight 8)
                "AB087654(3)", // 1st digit (weight 7)
                "AB977654(3)", // 2nd digit (weight 6)
                "AB986654(3)", // 3rd digit (weight 5)
                "AB987554(3)", // 4th digit (weight 4)
                "AB987644(3)", // 5th digit (weight 3)
                "AB987655(3)", // 6th digit (weight 2)
                "AB987654(0)", // check digit
                "ab9876549"})  // check digit, lower case without brackets
        void shouldReportAChangedCharacterOfATwoLetterNumber(String input) {
            assertProblem(input, Problem.CHECK_DIGIT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"A213456(3)", "A123465(3)", "BA987654(3)"})
        void shouldReportSwappedNeighbours(String input) {
            assertProblem(input, Problem.CHECK_DIGIT);
        }

        /** The two-letter form is not the one-letter form with an extra letter: the leading space counts. */
        @ParameterizedTest
        @ValueSource(strings = {"AA123456(3)", "ZA123456(3)"})
        void shouldNotTreatATwoLetterNumberAsItsOneLetterTail(String input) {
            assertProblem(input, Problem.CHECK_DIGIT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"K123456(A)", "G123456(0)", "G123456(1)", "AZ111111(0)"})
        void shouldReportTheWrongOneOfZeroAndA(String input) {
            assertProblem(input, Problem.CHECK_DIGIT);
        }

        /**
         * Known limit of the rule, not a bug: letters 11 apart (A/L/W, B/M/X, ...) change the sum by a
         * multiple of 11, so swapping one for the other is not caught (see L123456 in the class comment).
         */
        @Test
        void shouldAcceptALetterElevenApartBecauseTheRuleCannotSeeIt() {
            assertThat(HkidNumber.isValid("A123456(3)")).isTrue();
            assertThat(HkidNumber.isValid("L123456(3)")).isTrue();
            assertThat(HkidNumber.isValid("W123456(3)")).isTrue();
        }
    }

    @Nested
    class ParseResultApi {

        @Test
        void shouldCarryTheProblemAndNoNumberWhenInvalid() {
            HkidNumber.ParseResult result = HkidNumber.parse("A123456(4)");

            assertThat(result.isValid()).isFalse();
            assertThat(result.number()).isEmpty();
            assertThat(result.problem()).contains(Problem.CHECK_DIGIT);
        }

        @Test
        void shouldThrowWithoutRevealingTheInput() {
            assertThatThrownBy(() -> HkidNumber.of("A123456(4)"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CHECK_DIGIT")
                    .hasMessageNotContaining("123456");
            assertThatThrownBy(() -> HkidNumber.of(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("EMPTY");
        }

        @Test
        void shouldNotRevealTheNumberInTheResultsToString() {
            assertThat(HkidNumber.parse("A123456(3)").toString()).doesNotContain("123456");
            assertThat(HkidNumber.parse("A123456(4)").toString()).doesNotContain("123456").contains("CHECK_DIGIT");
        }

        @Test
        void shouldCompareResultsByValue() {
            assertThat(HkidNumber.parse("A1234563")).isEqualTo(HkidNumber.parse("a123456(3)"));
            assertThat(HkidNumber.parse("B")).isEqualTo(HkidNumber.parse("C")).isNotEqualTo(HkidNumber.parse(""));
        }

        @ParameterizedTest
        @CsvSource({"EMPTY, smartid.hkid.empty", "SHAPE, smartid.hkid.shape", "CHECK_DIGIT, smartid.hkid.checkDigit"})
        void shouldNameTheMessageKeyOfEachProblem(Problem problem, String messageKey) {
            assertThat(problem.messageKey()).isEqualTo(messageKey);
        }
    }

    private static void assertProblem(String input, Problem problem) {
        HkidNumber.ParseResult result = HkidNumber.parse(input);
        assertThat(result.problem()).as("problem of <%s>", input).contains(problem);
        assertThat(result.isValid()).as("<%s> is valid", input).isFalse();
        assertThat(result.number()).as(input).isEmpty();
        assertThat(HkidNumber.isValid(input)).as(input).isFalse();
    }
}
