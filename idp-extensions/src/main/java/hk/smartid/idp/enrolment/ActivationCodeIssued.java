package hk.smartid.idp.enrolment;

/**
 * The answer to staff: the code to hand over (shown once, never stored in plain) and until when it works,
 * an ISO-8601 instant (written out here, not left to Keycloak's JSON settings).
 */
public record ActivationCodeIssued(String residentId, String activationCode, String expiresAt) {

    ActivationCodeIssued(String residentId, IssuedActivationCode issued) {
        this(residentId, issued.displayCode(), issued.expiresAt().toString());
    }
}
