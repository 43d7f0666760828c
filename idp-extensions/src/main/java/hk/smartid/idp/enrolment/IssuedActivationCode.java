package hk.smartid.idp.enrolment;

import java.time.Instant;
import java.util.Objects;

/**
 * A code just issued, to be shown once to the resident at the counter. The plain code exists only here:
 * the database holds its hash. {@link #toString()} leaves the code out so that logging this record does
 * not leak it.
 *
 * @param code      the canonical code, 8 characters without separator
 * @param expiresAt when the code stops working
 */
public record IssuedActivationCode(String code, Instant expiresAt) {

    public IssuedActivationCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The code as printed and shown to people, {@code ABCD-EFGH}. */
    public String displayCode() {
        return ActivationCode.parse(code).map(ActivationCode::displayForm).orElseThrow();
    }

    @Override
    public String toString() {
        return "IssuedActivationCode[code=********, expiresAt=" + expiresAt + "]";
    }
}
