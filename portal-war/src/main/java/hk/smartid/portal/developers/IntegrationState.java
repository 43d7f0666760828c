package hk.smartid.portal.developers;

/** Where a business's integration stands; the bundles' {@code developers.state.<NAME>} says it to people. */
public enum IntegrationState {
    /** Registered in the sandbox realm; not asked to go live (or asked again after a refusal). */
    SANDBOX,
    /** The business asked to go live; an approver has not decided yet. */
    PENDING,
    /** Approved: its production client exists. */
    APPROVED,
    /** Refused by an approver, with a reason; the business may change nothing and ask again. */
    REFUSED;

    public String messageKey() {
        return "developers.state." + name();
    }

    /** Whether the business may ask to go live from here. */
    public boolean mayRequestGoLive() {
        return this == SANDBOX || this == REFUSED;
    }
}
