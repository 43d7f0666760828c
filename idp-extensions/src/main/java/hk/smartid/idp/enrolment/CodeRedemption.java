package hk.smartid.idp.enrolment;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules deciding one try with a typed code against the resident's current code, kept apart from the
 * database so that they can be tested on their own. The order of the checks matters: a used or locked
 * code stays so after it expires, and nothing about the typed code is looked at (nor a try counted)
 * once the code can no longer be accepted.
 */
final class CodeRedemption {

    private CodeRedemption() {
    }

    /**
     * Decides the try and records its effect on {@code code}: a wrong try counts towards the lock, an
     * accepted one marks the code used at {@code now}. {@code code} is the resident's newest code, or
     * {@code null} if they have none.
     */
    static Redemption attempt(ActivationCodeEntity code, String typed, Instant now) {
        if (code == null || code.getRevokedAt() != null) {
            return Redemption.NONE;
        }
        if (code.getUsedAt() != null) {
            return Redemption.USED;
        }
        if (code.getFailedAttempts() >= ActivationCodes.MAX_WRONG_TRIES) {
            return Redemption.LOCKED;
        }
        if (now.toEpochMilli() >= code.getExpiresAt()) {
            return Redemption.EXPIRED;
        }
        // Input that cannot be a code at all counts as a wrong try too: telling "malformed" from "wrong"
        // apart would only matter to someone guessing.
        Optional<ActivationCode> parsed = ActivationCode.parse(typed);
        if (parsed.isPresent() && code.hash().matches(parsed.get())) {
            code.setUsedAt(now.toEpochMilli());
            return Redemption.ACCEPTED;
        }
        code.setFailedAttempts(code.getFailedAttempts() + 1);
        return code.getFailedAttempts() >= ActivationCodes.MAX_WRONG_TRIES ? Redemption.LOCKED : Redemption.WRONG;
    }
}
