package hk.smartid.platform;

/** Names from the realm import in config/ that the launcher and the tests rely on. */
public final class Realm {

    public static final String NAME = "smartid";
    public static final String PORTAL_CLIENT_ID = "portal";

    private Realm() {
    }
}
