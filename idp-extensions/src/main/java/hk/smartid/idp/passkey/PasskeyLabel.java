package hk.smartid.idp.passkey;

import java.util.Set;

/**
 * The name a new passkey is stored under: what the resident typed on the registration page, the
 * suggested name ("My phone") if they cleared the field, numbered ("My phone (2)") if the account
 * already uses it.
 */
final class PasskeyLabel {

    /**
     * Longest name kept, in characters; the page's field accepts no more. Room for a device and an owner
     * ("Grandma's tablet in the kitchen"), well inside Keycloak's 255-character credential label.
     */
    static final int MAX_LENGTH = 50;

    private PasskeyLabel() {
    }

    /** The name to store for {@code typed}, given the suggested name and the names the account already uses. */
    static String of(String typed, String suggested, Set<String> used) {
        String name = typed == null || typed.isBlank() ? suggested : shortened(typed.strip());
        return unique(name, used);
    }

    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }

    /** {@code name} itself if the account does not use it yet, else the first free numbered form. */
    private static String unique(String name, Set<String> used) {
        if (!used.contains(name)) {
            return name;
        }
        for (int n = 2; ; n++) {
            String candidate = name + " (" + n + ")";
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }
}
