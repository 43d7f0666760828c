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
    REFUSED,
    /** Was live; its production client is disabled (by the business or an approver) and may be enabled again. */
    DISABLED;

    public String messageKey() {
        return "developers.state." + name();
    }

    /** Whether the business may ask to go live from here. */
    public boolean mayRequestGoLive() {
        return this == SANDBOX || this == REFUSED;
    }

    /** Whether the production client may be disabled (live) or, for {@code enabled}, enabled again (disabled). */
    public boolean maySwitchTo(boolean enabled) {
        return enabled ? this == DISABLED : this == APPROVED;
    }
}
