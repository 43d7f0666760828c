package hk.smartid.platform;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The IdP: Keycloak's own distribution with our provider jar and the smartid realm imported. */
final class KeycloakServer {

    static final String ADMIN_USERNAME = "admin";

    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private Process process;

    KeycloakServer(PlatformSettings settings, PlatformSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    void checkPorts() {
        LocalPorts.requireFree(settings.keycloakPort(), "Keycloak HTTP");
        LocalPorts.requireFree(settings.keycloakManagementPort(), "Keycloak management");
    }

    private Path home() {
        return Distribution.unpackOnce(settings.artifacts().resolve("keycloak-quarkus-dist.zip"),
                settings.servers().resolve("keycloak"));
    }

    void start() {
        Path home = home();
        Path log = settings.logs().resolve("keycloak.log");
        try {
            Files.createDirectories(home.resolve("data/import"));
            copyIfChanged(settings.artifacts().resolve("smartid-idp-extensions.jar"),
                    home.resolve("providers/smartid-idp-extensions.jar"));
            copyIfChanged(settings.artifacts().resolve("nimbus-jose-jwt.jar"),
                    home.resolve("providers/nimbus-jose-jwt.jar"));
            copyIfChanged(settings.artifacts().resolve("config/realm/smartid-realm.json"),
                    home.resolve("data/import/smartid-realm.json"));
            SandboxRealm.writeImport(home.resolve("data/import/smartid-realm.json"),
                    home.resolve("data/import/smartid-sandbox-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install our providers and realm into " + home, e);
        }
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + settings.keycloakPort(),
                "--http-management-port=" + settings.keycloakManagementPort(),
                // Hibernate logs a refused SQL statement's values (an HKID number on a duplicate claim) at WARN.
                "--log-level=INFO,org.hibernate.orm.jdbc.error:ERROR",
                // Dev mode reads and parses every login page's templates and message bundles again on each request (for
                // editing a theme live); the themes here change only with a new provider jar, i.e. a restart (issue 12:
                // parsing was an eighth of the IdP's CPU per passkey login).
                "--spi-theme--cache-themes=true",
                "--spi-theme--cache-templates=true",
                "--import-realm",
                "--db-url=" + startUrl());
        Map<String, String> environment = new HashMap<>(Map.of(
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword(),
                        // Placeholders in the realm import (config/realm/smartid-realm.json).
                        "SMARTID_PORTAL_URL", settings.portalUrl().toString(),
                        "SMARTID_PORTAL_CLIENT_SECRET", secrets.portalClientSecret(),
                        "SMARTID_ONBOARDING_CLIENT_SECRET", secrets.onboardingClientSecret(),
                        "SMARTID_PORTAL_ONBOARDING_CLIENT_SECRET", secrets.portalOnboardingClientSecret(),
                        "SMARTID_SANDBOX_ONBOARDING_CLIENT_SECRET", secrets.sandboxOnboardingClientSecret()));
        // -Dplatform.keycloak-java-home runs Keycloak on another JDK than the launcher's 17, e.g. the 25 Keycloak
        // recommends for production, on which a passkey's P-256 check costs a third of 17's (issue 12).
        String javaHome = System.getProperty("platform.keycloak-java-home");
        if (javaHome != null && !javaHome.isBlank()) {
            environment.put("JAVA_HOME", javaHome);
        }
        process = ServerProcess.start(command, environment, log);
        pidFile().write(process.pid());
        Readiness.awaitOk("Keycloak", settings.realmUrl().resolve(settings.realmUrl().getPath()
                        + "/.well-known/openid-configuration"), Duration.ofMinutes(4), process::isAlive, log);
    }

    /**
     * Keycloak's own dev-file database (its location and {@code NON_KEYWORDS}), named explicitly so that H2 writes
     * every commit before the commit returns ({@code WRITE_DELAY=0}). H2's default (500 ms) leaves commits to a
     * background writer: a killed Keycloak then lost enrolments and disclosures it had already answered for, and
     * the disclosure chain's head with them (issue 8). Written at commit, a commit is in the operating system's
     * hands and survives the process (IdpCrashIT). An explicit {@code --db-url} is used as is: Keycloak adds its
     * {@code DB_CLOSE_ON_EXIT=FALSE} only to its default URL, and H2 refuses that together with AUTO_SERVER.
     */
    private String startUrl() {
        return databaseFile() + ";NON_KEYWORDS=VALUE;WRITE_DELAY=0" + (settings.idpDatabaseShared()
                ? ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=0"
                : ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private String databaseFile() {
        return "jdbc:h2:file:" + home().resolve("data/h2/keycloakdb");
    }

    /**
     * The JDBC URL another process opens the running IdP's H2 database with (user and password empty, as Keycloak's
     * dev mode creates it): the first to open the file serves it to the others over a local TCP port (H2's
     * automatic mixed mode). Keycloak must have been started with {@link PlatformSettings#idpDatabaseShared()}.
     */
    String databaseUrl() {
        return databaseFile() + ";AUTO_SERVER=TRUE";
    }

    /** Deletes the IdP's embedded database, so the next start imports the realm from config/ afresh. */
    void deleteDatabase() {
        try {
            Distribution.deleteRecursively(home().resolve("data/h2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keycloak's admin client signed in as the bootstrap administrator (master realm, {@code admin-cli}); it fetches
     * and refreshes its own tokens. The launcher and the tests share it.
     */
    static Keycloak adminClient(PlatformSettings settings, PlatformSecrets secrets) {
        return KeycloakBuilder.builder().serverUrl(settings.keycloakUrl().toString()).realm("master")
                .grantType(OAuth2Constants.PASSWORD).clientId("admin-cli")
                .username(ADMIN_USERNAME).password(secrets.keycloakAdminPassword()).build();
    }

    /** Keycloak's launch script; Keycloak's JVM is its child. */
    ProcessHandle process() {
        if (process == null) {
            throw new IllegalStateException("Keycloak is not running");
        }
        return process.toHandle();
    }

    ServerWatch.Server watched() {
        return new ServerWatch.Server("Keycloak (the IdP)", process(), settings.logs().resolve("keycloak.log"));
    }

    void stop() {
        ServerProcess.stop(process);
        process = null;
        pidFile().delete();
    }

    /** Stops a Keycloak that an earlier launcher started (./run.sh stop). */
    void stopStarted() {
        pidFile().stopRecorded();
    }

    private PidFile pidFile() {
        return new PidFile(settings.varDir().resolve("run/keycloak.pid"));
    }

    static void copyIfChanged(Path source, Path target) throws IOException {
        if (!Files.exists(source)) {
            throw new PlatformStartException("Missing " + source + ": build first with ./mvnw install -DskipTests");
        }
        if (!Files.exists(target) || Files.mismatch(source, target) != -1) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
