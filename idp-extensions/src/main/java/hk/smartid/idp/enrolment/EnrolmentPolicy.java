package hk.smartid.idp.enrolment;

import java.time.Duration;

/**
 * @param staffMaxAuthAge     how old a staff member's login may be for an enrolment action (step-up beyond it)
 * @param activationCodeValidity how long a resident has to activate a code
 */
public record EnrolmentPolicy(Duration staffMaxAuthAge, Duration activationCodeValidity) {
}
