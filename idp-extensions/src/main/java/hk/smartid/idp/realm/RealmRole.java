package hk.smartid.idp.realm;

/** The realm roles our APIs check (defined in the realm import, {@code config/.../smartid-realm.json}). */
public enum RealmRole {
    /** Every account, through the realm's default roles. */
    RESIDENT("resident"),
    COUNTER_STAFF("counter-staff"),
    /** Reads audit trails and checks the disclosure log; changes nothing. */
    AUDITOR("auditor"),
    /** Registers banks; nothing else. */
    RP_ONBOARDING("rp-onboarding"),
    /** Enrols batches of residents a register has already checked (seeding a realm); nothing else. */
    BULK_ENROLMENT("resident-bulk-enrolment");

    private final String roleName;

    RealmRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role's name in the realm. */
    public String roleName() {
        return roleName;
    }
}
