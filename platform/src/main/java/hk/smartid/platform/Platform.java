package hk.smartid.platform;

import org.keycloak.admin.client.Keycloak;

import java.util.List;

/**
 * The whole platform: the IdP first (the portal and the samples need its discovery document), then the sample bank
 * and the sample utility, then the portal.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private final KeycloakServer keycloak;
    private final PayaraServer payara;
    private final SampleBankServer bank;
    private final SampleUtilityServer utility;
    private Keycloak idpAdmin;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
        this.secrets = new PlatformSecrets(settings.varDir());
        this.keycloak = new KeycloakServer(settings, secrets);
        this.payara = new PayaraServer(settings, secrets);
        this.bank = new SampleBankServer(settings, secrets);
        this.utility = new SampleUtilityServer(settings, secrets);
    }

    public Platform start() {
        keycloak.checkPorts();
        payara.checkPorts();
        bank.checkPorts();
        utility.checkPorts();
        try {
            keycloak.start();
            bank.start();
            System.out.println("Sample bank " + settings.bankUrl() + "/: " + bank.register());
            utility.start();
            System.out.println("Sample utility " + settings.utilityUrl() + "/: " + utility.register());
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

    /** The IdP's process (Keycloak's launch script, with Keycloak's JVM as its child), e.g. for a test that crashes it. */
    public ProcessHandle idpProcess() {
        return keycloak.process();
    }

    /** The portal's server process (Payara's JVM), e.g. for a benchmark that reads how much CPU time it used. */
    public ProcessHandle portalProcess() {
        return payara.watched().process();
    }

    /** Starts the IdP again on the same database (after it stopped or crashed); the other servers keep running. */
    public void restartIdp() {
        keycloak.stop();
        keycloak.checkPorts();
        keycloak.start();
    }

    /** Stops the portal's server and starts it again on the same data (e.g. to show nothing is lost). */
    public void restartPortal() {
        payara.stop();
        payara.checkPorts();
        payara.start();
    }

    /** Stops servers an earlier launcher left running (./run.sh stop). */
    public void stopStarted() {
        payara.stop();
        bank.stopStarted();
        utility.stopStarted();
        keycloak.stopStarted();
    }

    /** The running servers, for the launcher to watch. */
    List<ServerWatch.Server> servers() {
        return List.of(keycloak.watched(), bank.watched(), utility.watched(), payara.watched());
    }

    /**
     * Keycloak's admin client, signed in as the bootstrap administrator, for the launcher and the tests alike
     * (one client for the admin REST API); closed with the platform.
     */
    public synchronized Keycloak idpAdmin() {
        if (idpAdmin == null) {
            idpAdmin = KeycloakServer.adminClient(settings, secrets);
        }
        return idpAdmin;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (idpAdmin != null) {
                idpAdmin.close();
                idpAdmin = null;
            }
        }
        payara.stop();
        bank.stop();
        utility.stop();
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
