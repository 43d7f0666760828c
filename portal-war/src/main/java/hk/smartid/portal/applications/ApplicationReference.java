package hk.smartid.portal.applications;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference people read, type and quote for an application: {@code SID-} and 12 random characters of Crockford's
 * base32 (60 bits from {@link SecureRandom}: unguessable, no I, L, O or U to misread), in groups of four, e.g.
 * {@code SID-7K2M-Q9TD-4XWB}.
 */
public final class ApplicationReference {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String PREFIX = "SID-";
    private static final int LENGTH = 12;
    private static final Pattern CANONICAL = Pattern.compile("SID-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplicationReference() {
    }

    public static String next() {
        StringBuilder reference = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /**
     * A reference as someone typed or a bank passed it on (any case, with or without the hyphens and spaces, I or L
     * for 1, O for 0, as Crockford's base32 reads them) in its canonical form; empty when it cannot be one.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (!compact.startsWith("SID")) {
            return Optional.empty();
        }
        String body = compact.substring(3).replace('I', '1').replace('L', '1').replace('O', '0');
        if (body.length() != LENGTH) {
            return Optional.empty();
        }
        String reference = PREFIX + body.substring(0, 4) + "-" + body.substring(4, 8) + "-" + body.substring(8);
        return CANONICAL.matcher(reference).matches() ? Optional.of(reference) : Optional.empty();
    }
}
