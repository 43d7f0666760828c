package hk.smartid.idp.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps identity data out of the free-text {@code detail} of an audit line. The trail is kept long and
 * read by many (supervisors, auditors); an HKID number, a date of birth, a phone number or an e-mail
 * address in it would copy personal data to where it does not belong. A caller should never pass such
 * data, so this is the safety net: a detail that looks like it holds some is withheld as a whole (the line
 * itself is still recorded), and one that is too long is cut.
 */
final class AuditDetail {

    /** The column is {@code VARCHAR(255)}. */
    static final int MAX_LENGTH = 255;
    /** What is stored instead of a detail that looked like identity data. */
    static final String WITHHELD = "[detail withheld: looked like personal data]";

    private static final List<Pattern> IDENTITY_DATA = List.of(
            // An HKID number (letters then six digits), with or without spaces between.
            Pattern.compile("(?i)[A-Z]\\s*\\d{6}"),
            // Six or more digits in a row, spaces or dashes allowed between: HKID digits, phone numbers, dates.
            Pattern.compile("\\d(?:[\\s-]?\\d){5,}"),
            // A date written with separators: 02/01/1990, 1990-1-2, 2.1.90.
            Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{2,4}"),
            // An e-mail address.
            Pattern.compile("\\S@\\S+\\.\\S"));
    // Keycloak ids (UUIDs) are not personal data but hold digit runs; they are set aside before the check.
    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

    private AuditDetail() {
    }

    /** {@code detail} fit to store: {@code null} stays {@code null}. */
    static String sanitise(String detail) {
        if (detail == null) {
            return null;
        }
        String oneLine = CONTROL.matcher(detail).replaceAll(" ").strip();
        if (oneLine.isEmpty()) {
            return null;
        }
        if (looksLikeIdentityData(oneLine)) {
            return WITHHELD;
        }
        if (oneLine.length() <= MAX_LENGTH) {
            return oneLine;
        }
        int cut = MAX_LENGTH - 3;
        if (Character.isHighSurrogate(oneLine.charAt(cut - 1))) {
            cut--; // never split a character outside the BMP (e.g. a rare Chinese one) in two
        }
        return oneLine.substring(0, cut) + "...";
    }

    static boolean looksLikeIdentityData(String text) {
        String withoutIds = UUID.matcher(text).replaceAll(" ");
        return IDENTITY_DATA.stream().anyMatch(pattern -> pattern.matcher(withoutIds).find());
    }
}
