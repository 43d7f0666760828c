package hk.smartid.chatbot.privacy;

import java.util.regex.Pattern;

/**
 * Takes personal identifiers out of a message before it is logged or kept in a conversation: Hong Kong identity
 * card numbers (A123456(7), AB1234567, with or without brackets or spaces), Hong Kong phone numbers (eight
 * digits, optionally +852) and email addresses.
 */
public final class Redaction {

    public static final String HKID = "[HKID]";
    public static final String PHONE = "[PHONE]";
    public static final String EMAIL = "[EMAIL]";

    private static final Pattern HKID_NUMBER =
            Pattern.compile("(?i)(?<![A-Z0-9])[A-Z]{1,2}\\s?\\d{6}\\s?(\\(\\s?[0-9A]\\s?\\)|[0-9A])?(?![0-9])");
    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern PHONE_NUMBER =
            Pattern.compile("(?<![0-9])(\\+?852[\\s-]?)?[2-9]\\d{3}[\\s-]?\\d{4}(?![0-9])");

    private Redaction() {
    }

    public static String redact(String text) {
        String redacted = EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL);
        redacted = HKID_NUMBER.matcher(redacted).replaceAll(HKID);
        return PHONE_NUMBER.matcher(redacted).replaceAll(PHONE);
    }
}
