package hk.smartid.bank.smartid;

/**
 * Why opening an account with SmartID did not work. The kind decides what the person is told; the detail is
 * for the bank's log only (it may name tokens and protocol errors, never shown to the person).
 */
public final class SmartIdFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The person chose not to share (or could not, e.g. not yet verified at a counter): nothing was shared. */
        DECLINED,
        /** SmartID refused the person-data call: the consent was revoked or expired, or the session ended. */
        REFUSED,
        /** What came back failed a check (state, signature, issuer, audience, expiry, assurance level). */
        UNTRUSTED,
        /** SmartID could not be reached or answered with an error. */
        UNAVAILABLE
    }

    private final Kind kind;

    public SmartIdFailure(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public SmartIdFailure(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
