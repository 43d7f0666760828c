package hk.smartid.idp.enrolment;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a staff caller logged in recently enough to act (step-up beyond {@code maxAge}). A person's
 * token carries {@code auth_time}, the moment they used their passkey. A counter terminal calling as a
 * service account proves itself with its client credentials at every token request, so its token's
 * issue time is its login; a person's token without {@code auth_time} is never fresh.
 */
record StaffLoginAge(Long authTime, Long issuedAt, boolean serviceAccount) {

    boolean isWithin(Duration maxAge, Instant now) {
        Long login = authTime != null ? authTime : serviceAccount ? issuedAt : null;
        return login != null && now.getEpochSecond() - login <= maxAge.toSeconds();
    }
}
