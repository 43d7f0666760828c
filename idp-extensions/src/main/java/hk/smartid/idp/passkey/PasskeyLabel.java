package hk.smartid.idp.passkey;

import java.util.Set;

/** Names for passkeys that an account does not use yet: "My phone", then "My phone (2)", "My phone (3)". */
final class PasskeyLabel {

    private PasskeyLabel() {
    }

    /** {@code label} itself if free (or null/blank, which Keycloak names itself), else the first free numbered form. */
    static String unique(String label, Set<String> used) {
        if (label == null || label.isBlank() || !used.contains(label)) {
            return label;
        }
        for (int n = 2; ; n++) {
            String candidate = label + " (" + n + ")";
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }
}
