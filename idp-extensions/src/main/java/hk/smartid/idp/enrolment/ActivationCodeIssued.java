package hk.smartid.idp.enrolment;

import java.time.Instant;

/** The answer to staff: the code to hand over (shown once, never stored in plain) and until when it works. */
public record ActivationCodeIssued(String residentId, String activationCode, Instant expiresAt) {

    ActivationCodeIssued(String residentId, IssuedActivationCode issued) {
        this(residentId, issued.displayCode(), issued.expiresAt());
    }
}
