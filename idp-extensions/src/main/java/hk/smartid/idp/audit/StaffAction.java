package hk.smartid.idp.audit;

/** What a counter staff member (or the onboarding service account, or the IdP itself) did; stored by name, so never rename a value. */
public enum StaffAction {
    /** Looked residents up (by HKID number, name, ...). */
    SEARCH,
    /** Opened one resident's record. */
    VIEW,
    /** Enrolled a resident after checking the HKID card. */
    ENROL,
    /** Enrolled a batch of residents a register had already checked (seeding), all or none; no activation code issued. */
    BULK_ENROL,
    /** Issued a new activation code to an enrolled resident. */
    REISSUE,
    /** Verified a self-registered (loa-basic) account in person, keeping the account and its passkeys. */
    VERIFY,
    /** Corrected a resident's identity data. */
    CORRECT,
    /** Registered a bank or business as a relying party (onboarding, Banking Made Easy). */
    REGISTER_BANK,
    /** Disabled a registered bank or business: its tokens stop working at once, its sessions and offline tokens end. */
    DISABLE_RELYING_PARTY,
    /** Enabled a disabled bank or business again (tokens issued before the disable stay refused). */
    ENABLE_RELYING_PARTY,
    /**
     * The IdP itself refused a passkey login whose signature counter did not go up: a copy of the resident's
     * authenticator may be in use. Also shown to the resident in their account activity.
     */
    PASSKEY_COUNTER_REFUSED
}
