package hk.smartid.platform;

/**
 * The whole platform: the IdP first (the portal and the sample bank need its discovery document), then the
 * sample bank, then the portal.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private final KeycloakServer keycloak;
    private final PayaraServer payara;
    private final SampleBankServer bank;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
        this.secrets = new PlatformSecrets(settings.varDir());
        this.keycloak = new KeycloakServer(settings, secrets);
        this.payara = new PayaraServer(settings, secrets);
        this.bank = new SampleBankServer(settings, secrets);
    }

    public Platform start() {
        keycloak.checkPorts();
        payara.checkPorts();
        bank.checkPorts();
        try {
            keycloak.start();
            bank.start();
            System.out.println("Sample bank " + settings.bankUrl() + "/: " + bank.register());
            payara.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Forgets every identity: the realm is imported afresh from config/ on the next start. */
    public Platform resetIdentities() {
        keycloak.deleteDatabase();
        return this;
    }

    /** Stops servers an earlier launcher left running (./run.sh stop). */
    public void stopStarted() {
        payara.stop();
        bank.stopStarted();
        keycloak.stopStarted();
    }

    @Override
    public void close() {
        payara.stop();
        bank.stop();
        keycloak.stop();
    }

    public PlatformSettings settings() {
        return settings;
    }

    public PlatformSecrets secrets() {
        return secrets;
    }

    /** The JDBC URL of the running IdP's database, for tests started with {@link PlatformSettings#idpDatabaseShared()}. */
    public String idpDatabaseUrl() {
        if (!settings.idpDatabaseShared()) {
            throw new IllegalStateException("Keycloak holds its database alone; start it with idpDatabaseShared");
        }
        return keycloak.databaseUrl();
    }

    public String keycloakAdminUsername() {
        return KeycloakServer.ADMIN_USERNAME;
    }
}
