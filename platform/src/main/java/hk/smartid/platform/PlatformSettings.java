package hk.smartid.platform;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the platform keeps its state and which ports it listens on.
 *
 * @param artifacts      what the build produced: the server distributions, our provider jar, the EAR, config/
 * @param varDir         all state (unpacked servers, databases, logs, generated secrets); safe to delete
 * @param keycloakPort   the IdP's HTTP port
 * @param payaraPortBase Payara's port base: HTTP is base + 80, administration base + 48
 * @param idpDatabaseShared whether a test may open the IdP's H2 database while Keycloak runs (H2's automatic
 *                       mixed mode), e.g. to tamper with the disclosure log; never for ./run.sh
 */
public record PlatformSettings(Path artifacts, Path varDir, int keycloakPort, int payaraPortBase,
                               boolean idpDatabaseShared) {

    /** Keycloak alone holds its database. */
    public PlatformSettings(Path artifacts, Path varDir, int keycloakPort, int payaraPortBase) {
        this(artifacts, varDir, keycloakPort, payaraPortBase, false);
    }

    /**
     * The ports the README and the architecture page promise: IdP on 8180, portal on 8080; a test that runs the
     * launcher itself moves them with -Dplatform.keycloak-port and -Dplatform.payara-port-base.
     */
    public static PlatformSettings development(Path artifacts, Path varDir) {
        return new PlatformSettings(artifacts, varDir, Integer.getInteger("platform.keycloak-port", 8180),
                Integer.getInteger("platform.payara-port-base", 8000));
    }

    public int keycloakManagementPort() {
        return keycloakPort + 820;
    }

    public int portalPort() {
        return payaraPortBase + 80;
    }

    /** The sample bank's HTTP port, beside the IdP's: 8280 in development. */
    public int bankPort() {
        return keycloakPort + 100;
    }

    public URI bankUrl() {
        return URI.create("http://localhost:" + bankPort());
    }

    /** The sample utility's HTTP port (samples/utility-rp): 8320 in development. */
    public int utilityPort() {
        return keycloakPort + 140;
    }

    public URI utilityUrl() {
        return URI.create("http://localhost:" + utilityPort());
    }

    public int payaraAdminPort() {
        return payaraPortBase + 48;
    }

    public URI keycloakUrl() {
        return URI.create("http://localhost:" + keycloakPort);
    }

    public URI realmUrl() {
        return URI.create(keycloakUrl() + "/realms/" + Realm.NAME);
    }

    /** The sandbox realm businesses try their integrations in. */
    public URI sandboxRealmUrl() {
        return URI.create(keycloakUrl() + "/realms/" + Realm.SANDBOX_NAME);
    }

    public URI portalUrl() {
        return URI.create("http://localhost:" + portalPort());
    }

    public Path logs() {
        return varDir.resolve("logs");
    }

    public Path servers() {
        return varDir.resolve("servers");
    }
}
