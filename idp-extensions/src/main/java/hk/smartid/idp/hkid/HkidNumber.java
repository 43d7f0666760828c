package hk.smartid.idp.hkid;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hong Kong Identity Card (HKID) number whose shape and check digit are valid, for example
 * {@code A123456(3)} or {@code AB987654(3)}.
 *
 * <p>An HKID number is one or two capital letters, six digits and a check digit ({@code 0}-{@code 9}
 * or {@code A}), which is printed in brackets on the card. The check digit rule: give each letter
 * the value 10 ({@code A}) to 35 ({@code Z}) and each digit its own value; a one-letter number is
 * read as if it began with a space worth 36. Multiply the eight values by the weights
 * 9, 8, 7, 6, 5, 4, 3, 2 and add them; adding the check digit ({@code A} = 10) must give a multiple
 * of 11. Equivalently the check digit is {@code 11 - (sum mod 11)}, where 11 is written {@code 0}
 * and 10 is written {@code A}.
 *
 * <p>{@link #parse(String)} accepts the number with or without brackets around the check digit,
 * with surrounding white space and in lower case, and says which rule a bad input breaks.
 * Instances are immutable and always hold the canonical form.
 *
 * <p>An HKID number is personal data: {@link #toString()} gives the full number, so do not log
 * instances. {@link ParseResult#toString()} and exception messages never contain the input.
 */
public final class HkidNumber {

    /** Why an input is not a valid HKID number, with the message key that explains it to the user. */
    public enum Problem {
        /** Nothing was entered (null, empty or only white space). */
        EMPTY("smartid.hkid.empty"),
        /** Not one or two letters, six digits and a check digit {@code 0}-{@code 9} or {@code A}. */
        SHAPE("smartid.hkid.shape"),
        /** The shape is right, but the check digit does not match the letters and digits. */
        CHECK_DIGIT("smartid.hkid.checkDigit");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The key of the message in the {@code smartid} login theme bundles. */
        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * The outcome of {@link HkidNumber#parse(String)}: either a valid {@link HkidNumber} or the
     * {@link Problem} that makes the input invalid.
     */
    public static final class ParseResult {

        private final HkidNumber number;
        private final Problem problem;

        private ParseResult(HkidNumber number, Problem problem) {
            this.number = number;
            this.problem = problem;
        }

        static ParseResult valid(HkidNumber number) {
            return new ParseResult(Objects.requireNonNull(number, "number"), null);
        }

        static ParseResult invalid(Problem problem) {
            return new ParseResult(null, Objects.requireNonNull(problem, "problem"));
        }

        public boolean isValid() {
            return number != null;
        }

        /** The parsed number, present exactly when the input is valid. */
        public Optional<HkidNumber> number() {
            return Optional.ofNullable(number);
        }

        /** What is wrong with the input, present exactly when it is not valid. */
        public Optional<Problem> problem() {
            return Optional.ofNullable(problem);
        }

        /**
         * The parsed number.
         *
         * @throws IllegalArgumentException if the input is not valid; the message names the problem
         *     but not the input
         */
        public HkidNumber orElseThrow() {
            if (number == null) {
                throw new IllegalArgumentException("Not a valid HKID number: " + problem);
            }
            return number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParseResult other
                    && Objects.equals(number, other.number)
                    && problem == other.problem;
        }

        @Override
        public int hashCode() {
            return Objects.hash(number, problem);
        }

        /** Does not contain the number, which is personal data. */
        @Override
        public String toString() {
            return isValid() ? "ParseResult[valid]" : "ParseResult[problem=" + problem + "]";
        }
    }

    /**
     * ASCII letters and digits only (no {@code UNICODE_CHARACTER_CLASS}), checked before upper-casing
     * so that characters such as the dotless {@code ı}, which upper-cases to {@code I}, are rejected.
     */
    private static final Pattern SHAPE =
            Pattern.compile("([A-Za-z]{1,2})([0-9]{6})(?:\\(([0-9Aa])\\)|([0-9Aa]))");

    private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2};
    /** The value of the assumed leading space of a one-letter number. */
    private static final int SPACE_VALUE = 36;

    private final String letters;
    private final String digits;
    private final char checkDigit;

    private HkidNumber(String letters, String digits, char checkDigit) {
        this.letters = letters;
        this.digits = digits;
        this.checkDigit = checkDigit;
    }

    /**
     * Reads an HKID number such as {@code A123456(3)}, {@code a1234563} or {@code " AB987654(3) "}.
     *
     * @param input what was entered; may be {@code null}
     * @return the number, or the first rule it breaks in the order {@link Problem#EMPTY},
     *     {@link Problem#SHAPE}, {@link Problem#CHECK_DIGIT}
     */
    public static ParseResult parse(String input) {
        if (input == null || input.isBlank()) {
            return ParseResult.invalid(Problem.EMPTY);
        }
        Matcher m = SHAPE.matcher(input.strip());
        if (!m.matches()) {
            return ParseResult.invalid(Problem.SHAPE);
        }
        String letters = m.group(1).toUpperCase(Locale.ROOT);
        String digits = m.group(2);
        String check = m.group(3) != null ? m.group(3) : m.group(4);
        char checkDigit = Character.toUpperCase(check.charAt(0));
        if (checkDigitFor(letters, digits) != checkDigit) {
            return ParseResult.invalid(Problem.CHECK_DIGIT);
        }
        return ParseResult.valid(new HkidNumber(letters, digits, checkDigit));
    }

    /**
     * The number {@code input} names.
     *
     * @throws IllegalArgumentException if it is not a valid HKID number (the message does not contain
     *     the input)
     */
    public static HkidNumber of(String input) {
        return parse(input).orElseThrow();
    }

    /** Whether {@code input} is a valid HKID number in any accepted spelling. */
    public static boolean isValid(String input) {
        return parse(input).isValid();
    }

    /**
     * The check digit for one or two upper-case letters and six digits, already checked for shape.
     */
    static char checkDigitFor(String letters, String digits) {
        String eight = (letters.length() == 1 ? " " : "") + letters + digits;
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * valueOf(eight.charAt(i));
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'A' : (char) ('0' + check);
    }

    private static int valueOf(char c) {
        if (c == ' ') {
            return SPACE_VALUE;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c - '0';
    }

    /** The one or two upper-case letters, for example {@code A} or {@code AB}. */
    public String letters() {
        return letters;
    }

    /** The six digits after the letters, for example {@code 123456}. */
    public String digits() {
        return digits;
    }

    /** The check digit, {@code 0}-{@code 9} or {@code A}. */
    public char checkDigit() {
        return checkDigit;
    }

    /** The number without brackets, for example {@code A1234563}. */
    public String toCompactString() {
        return letters + digits + checkDigit;
    }

    /** The canonical form as printed on the card, for example {@code A123456(3)}. */
    @Override
    public String toString() {
        return letters + digits + '(' + checkDigit + ')';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HkidNumber other
                && letters.equals(other.letters)
                && digits.equals(other.digits)
                && checkDigit == other.checkDigit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(letters, digits, checkDigit);
    }
}
