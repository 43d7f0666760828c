package hk.smartid.idp.enrolment;

import hk.smartid.idp.settings.RealmSeconds;
import org.keycloak.models.RealmModel;

import java.time.Duration;

/**
 * The realm's enrolment settings, read at every request so that an administrator's change in the admin
 * console (realm attributes, in seconds) applies at once, without a restart. A missing or unusable value
 * falls back to 15 minutes rather than to no limit.
 *
 * @param staffMaxAuthAge        how old a staff member's login may be for an enrolment action (step-up beyond it)
 * @param activationCodeValidity how long a resident has to activate a code
 */
public record EnrolmentPolicy(Duration staffMaxAuthAge, Duration activationCodeValidity) {

    /** Realm attribute: seconds a staff login stays good for enrolment actions. */
    public static final String STAFF_MAX_AUTH_AGE = "smartid.staffMaxAuthAge";
    /** Realm attribute: seconds an activation code can be used after it is issued. */
    public static final String ACTIVATION_CODE_VALIDITY = "smartid.activationCodeValidity";

    static final Duration DEFAULT = Duration.ofSeconds(900);

    public static EnrolmentPolicy of(RealmModel realm) {
        return fromAttributes(realm.getAttribute(STAFF_MAX_AUTH_AGE), realm.getAttribute(ACTIVATION_CODE_VALIDITY));
    }

    static EnrolmentPolicy fromAttributes(String staffMaxAuthAge, String activationCodeValidity) {
        return new EnrolmentPolicy(RealmSeconds.parse(staffMaxAuthAge, DEFAULT),
                RealmSeconds.parse(activationCodeValidity, DEFAULT));
    }
}
