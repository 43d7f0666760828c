package hk.smartid.portal.staff;

import java.io.Serializable;
import java.time.Instant;

/** The IdP's answer to an enrolment or a re-issue: the one-time code to hand over and until when it works. */
public record ActivationCodeIssued(String residentId, String activationCode, Instant expiresAt) implements Serializable {
}
