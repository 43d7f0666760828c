package hk.smartid.portal.applications;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape and check digit of a Hong Kong Identity Card number typed into an e-service form, e.g. {@code A123456(3)}.
 * The IdP has its own ({@code hk.smartid.idp.hkid.HkidNumber}); the portal shares no code module with the IdP, and
 * this is all it needs: one or two letters, six digits and a check digit ({@code 0}-{@code 9} or {@code A}) that
 * makes the weighted sum (letters A=10 ... Z=35, a missing first letter 36; weights 9 to 1) a multiple of 11.
 */
public final class HkidNumber {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{1,2})([0-9]{6})(?:\\(([0-9A])\\)|([0-9A]))");
    private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2};

    /** Why a typed value is no HKID number. */
    public enum Problem { SHAPE, CHECK_DIGIT }

    private HkidNumber() {
    }

    /** The number in its printed form, {@code A123456(3)}, when {@code typed} is one (any case, brackets optional). */
    public static Optional<String> canonical(String typed) {
        return problem(typed).isPresent() ? Optional.empty() : Optional.of(format(matcher(typed)));
    }

    /** What is wrong with {@code typed}, empty when it is a valid HKID number. */
    public static Optional<Problem> problem(String typed) {
        Matcher number = matcher(typed);
        if (number == null) {
            return Optional.of(Problem.SHAPE);
        }
        String check = number.group(3) != null ? number.group(3) : number.group(4);
        return checkDigit(number.group(1), number.group(2)) == check.charAt(0)
                ? Optional.empty() : Optional.of(Problem.CHECK_DIGIT);
    }

    private static Matcher matcher(String typed) {
        if (typed == null || typed.length() > 20) {
            return null;
        }
        // ASCII only: checked before upper-casing, so that no other script's letter upper-cases into one.
        String compact = typed.strip().replace(" ", "");
        if (!compact.chars().allMatch(c -> c < 128)) {
            return null;
        }
        Matcher number = SHAPE.matcher(compact.toUpperCase(Locale.ROOT));
        return number.matches() ? number : null;
    }

    private static String format(Matcher number) {
        return number.group(1) + number.group(2) + "(" + (number.group(3) != null ? number.group(3) : number.group(4)) + ")";
    }

    static char checkDigit(String letters, String digits) {
        String eight = (letters.length() == 1 ? " " : "") + letters + digits;
        int sum = 0;
        for (int i = 0; i < eight.length(); i++) {
            char c = eight.charAt(i);
            int value = c == ' ' ? 36 : Character.isLetter(c) ? c - 'A' + 10 : c - '0';
            sum += value * WEIGHTS[i];
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'A' : (char) ('0' + check);
    }
}
