package hk.smartid.idp.registration;

import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.settings.RealmSeconds;

import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak creates a self-registered account before its passkey is bound; a person who gives up at the passkey
 * step (phone battery, wrong device) would otherwise find their email or mobile number "taken" for good. An
 * account counts as abandoned only when nothing was ever bound to it and it is older than any registration that
 * could still be under way, so nobody can take over a registration in progress or an account a counter enrolled.
 */
record AbandonedRegistration(boolean hasCredentials, AssuranceLevel level, boolean hasHkidNumber,
                             boolean serviceAccount, Instant createdAt) {

    /** Realm attribute: seconds after which an account without any passkey counts as abandoned. */
    static final String AGE_ATTRIBUTE = "smartid.abandonedRegistrationAge";
    /** Longer than a login session's lifetime, so the person who started it cannot still be on the passkey page. */
    static final Duration DEFAULT_AGE = Duration.ofMinutes(30);

    boolean isAbandonedAt(Instant now, Duration age) {
        return !hasCredentials && level == AssuranceLevel.BASIC && !hasHkidNumber && !serviceAccount
                && createdAt != null && !createdAt.plus(age).isAfter(now);
    }

    /** The realm's setting in seconds; a missing or unusable value falls back to {@link #DEFAULT_AGE}. */
    static Duration age(String attribute) {
        return RealmSeconds.parse(attribute, DEFAULT_AGE);
    }
}
