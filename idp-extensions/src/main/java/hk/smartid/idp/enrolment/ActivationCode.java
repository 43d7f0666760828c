package hk.smartid.idp.enrolment;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one-time code counter staff hand a resident to activate an account: {@value #LENGTH} characters
 * from {@value #ALPHABET}, shown to people as {@code ABCD-EFGH}.
 *
 * <p>The alphabet leaves out the look-alikes {@code 0}/{@code O} and {@code 1}/{@code I}/{@code L}, so
 * a code read aloud at the counter or copied from paper cannot be mistyped into another valid code;
 * 31 symbols to the 8th power is about 8.5 × 10<sup>11</sup> codes, against which five tries are nothing.
 *
 * <p>Instances always hold the canonical form (8 upper-case characters, no separator). The code is a
 * secret: {@link #toString()} masks it so that it cannot end up in a log by accident.
 */
public final class ActivationCode {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    private static final Pattern CANONICAL = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    // Residents type the code as printed (with the dash), as read aloud (with spaces), or with a Chinese
    // input method still on; NFKC folds full-width letters to ASCII and these are the separators to drop.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}_.]+");

    private final String value;

    private ActivationCode(String value) {
        this.value = value;
    }

    /** A new random code; {@code random} is a {@link SecureRandom} because the code is a credential. */
    public static ActivationCode generate(SecureRandom random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new ActivationCode(new String(chars));
    }

    /**
     * The code a person typed, accepted with or without the dash or spaces and in any case; empty if it
     * cannot be a code at all (wrong length, a character outside the alphabet such as {@code 0} or
     * {@code O}).
     */
    public static Optional<ActivationCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        String canonical = SEPARATORS.matcher(folded).replaceAll("").toUpperCase(Locale.ROOT);
        return CANONICAL.matcher(canonical).matches() ? Optional.of(new ActivationCode(canonical)) : Optional.empty();
    }

    /** The canonical form, for hashing; 8 characters, no separator. */
    public String value() {
        return value;
    }

    /** The form printed and shown to people: {@code ABCD-EFGH}. */
    public String displayForm() {
        return value.substring(0, LENGTH / 2) + "-" + value.substring(LENGTH / 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ActivationCode[********]";
    }
}
