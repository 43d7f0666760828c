package hk.smartid.idp.settings;

import java.time.Duration;

/**
 * A duration an administrator sets as a realm attribute in whole seconds (admin console or API), read at
 * every request so a change applies at once. A missing, zero, negative or unreadable value falls back to
 * the given default rather than to no limit.
 */
public final class RealmSeconds {

    private RealmSeconds() {
    }

    public static Duration parse(String attributeValue, Duration fallback) {
        if (attributeValue == null || !attributeValue.trim().matches("\\d{1,9}")) {
            return fallback;
        }
        long seconds = Long.parseLong(attributeValue.trim());
        return seconds > 0 ? Duration.ofSeconds(seconds) : fallback;
    }
}
