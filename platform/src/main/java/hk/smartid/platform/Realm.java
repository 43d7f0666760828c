package hk.smartid.platform;

/** Names from the realm import in config/ that the launcher and the tests rely on. */
public final class Realm {

    public static final String NAME = "smartid";
    public static final String PORTAL_CLIENT_ID = "portal";
    /** The sandbox realm businesses try their integrations in, derived from this one ({@link SandboxRealm}). */
    public static final String SANDBOX_NAME = "smartid-sandbox";
    /** The portal's service account that registers businesses (role rp-onboarding), in both realms. */
    public static final String PORTAL_ONBOARDING_CLIENT_ID = "portal-onboarding";
    /** Approves businesses' requests to go live. */
    public static final String APPROVER_ROLE = "rp-approver";

    private Realm() {
    }
}
