package hk.smartid.idp.enrolment;

/** What became of one try to activate an account with a typed code. */
public enum Redemption {
    /** The code was right and is now used; activate the account. */
    ACCEPTED,
    /** The code was wrong (or could not be a code at all); one of the {@value ActivationCodes#MAX_WRONG_TRIES} tries is gone. */
    WRONG,
    /** The code's time is up; the resident needs a new code from a counter. */
    EXPIRED,
    /** The code was already used once; it never works twice. */
    USED,
    /** Too many wrong tries; the code is dead even if typed right now. The resident needs a new code. */
    LOCKED,
    /** The resident has no code, or the latest one was revoked. */
    NONE
}
