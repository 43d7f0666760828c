package hk.smartid.idp.audit;

/** How a staff action ended; stored by name, so never rename a value. */
public enum StaffActionOutcome {
    /** Done. */
    SUCCESS,
    /** Not allowed (role, branch, step-up missing, ...). */
    REFUSED,
    /** No such resident. */
    NOT_FOUND,
    /** The input was not valid (e.g. a bad HKID check digit). */
    INVALID,
    /** The resident is already enrolled, or the identity is already held by another account. */
    DUPLICATE
}
