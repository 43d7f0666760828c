package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One Keycloak node of the production shape: production mode ({@code start --optimized} after one {@code kc.sh build}
 * for PostgreSQL and the clustered cache), behind the load balancer (X-Forwarded-* headers, the public URL as its
 * hostname), joined to its peers in one Infinispan cluster through Keycloak's default JDBC_PING discovery (the
 * members find each other in the shared database). Both nodes run from one installation under var/servers.
 */
final class KeycloakNode {

    /** What {@code kc.sh build} fixes; a different set (or different providers) needs a new build. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=ispn",
            "--health-enabled=true", "--metrics-enabled=true");

    private final ClusterLayout layout;
    private final PlatformSecrets secrets;
    private final PostgresServer database;
    private final int number;
    private Process process;

    KeycloakNode(ClusterLayout layout, PlatformSecrets secrets, PostgresServer database, int number) {
        this.layout = layout;
        this.secrets = secrets;
        this.database = database;
        this.number = number;
    }

    /** The node's name in the cluster, which Keycloak also appends to the AUTH_SESSION_ID cookie as its route. */
    String name() {
        return "kc" + number;
    }

    private PlatformSettings settings() {
        return layout.settings();
    }

    void checkPorts() {
        LocalPorts.requireFree(layout.keycloakNodePort(number), "Keycloak node " + number);
        LocalPorts.requireFree(layout.keycloakNodeManagementPort(number), "Keycloak node " + number + " management");
        LocalPorts.requireFree(layout.keycloakNodeTransportPort(number), "Keycloak node " + number + " cluster transport");
    }

    private static Path home(ClusterLayout layout) {
        return Distribution.unpackOnce(layout.settings().artifacts().resolve("keycloak-quarkus-dist.zip"),
                layout.settings().servers().resolve("keycloak-cluster"));
    }

    /**
     * Installs our providers and realm and runs {@code kc.sh build} when they or the build options changed since the
     * last build (a marker records their digest), so a warm start skips the build.
     */
    static void install(ClusterLayout layout) {
        Path home = home(layout);
        PlatformSettings settings = layout.settings();
        try {
            Files.createDirectories(home.resolve("data/import"));
            KeycloakServer.copyIfChanged(settings.artifacts().resolve("smartid-idp-extensions.jar"),
                    home.resolve("providers/smartid-idp-extensions.jar"));
            KeycloakServer.copyIfChanged(settings.artifacts().resolve("nimbus-jose-jwt.jar"),
                    home.resolve("providers/nimbus-jose-jwt.jar"));
            KeycloakServer.copyIfChanged(settings.artifacts().resolve("config/realm/smartid-realm.json"),
                    home.resolve("data/import/smartid-realm.json"));
            SandboxRealm.writeImport(home.resolve("data/import/smartid-realm.json"),
                    home.resolve("data/import/smartid-sandbox-realm.json"));
            Path marker = home.resolve("data/smartid-build");
            String built = buildDigest(home);
            if (Files.exists(marker) && Files.readString(marker).equals(built)) {
                return;
            }
            Files.deleteIfExists(marker);
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ServerProcess.run(command, Map.of(), settings.logs().resolve("keycloak-build.log"), 600);
            Files.writeString(marker, built);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install our providers and realm into " + home, e);
        }
    }

    private static String buildDigest(Path home) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join(" ", BUILD_OPTIONS).getBytes());
            try (var providers = Files.list(home.resolve("providers"))) {
                for (Path provider : providers.sorted().toList()) {
                    digest.update(provider.getFileName().toString().getBytes());
                    digest.update(Files.readAllBytes(provider));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path log() {
        return settings().logs().resolve("keycloak-" + number + ".log");
    }

    /** Starts the node and waits until it is ready; the first node imports the realm (a second would skip it anyway). */
    void start(boolean importRealm) {
        start(home(layout), importRealm);
    }

    /** The one installation every node runs from. */
    static Path installation(ClusterLayout layout) {
        return home(layout);
    }

    /** As {@link #start(boolean)}, from {@code home} (e.g. another installation, which its peers must refuse). */
    void start(Path home, boolean importRealm) {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + layout.keycloakNodePort(number),
                "--http-management-port=" + layout.keycloakNodeManagementPort(number),
                "--hostname=" + settings().keycloakUrl(),
                "--proxy-headers=xforwarded",
                "--db-url=" + database.jdbcUrl(PostgresServer.KEYCLOAK_DATABASE),
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + layout.keycloakNodeTransportPort(number),
                "--spi-cache-embedded-default-node-name=" + name(),
                // Hibernate logs a refused SQL statement's values (an HKID number on a duplicate claim) at WARN.
                "--log-level=INFO,org.hibernate.orm.jdbc.error:ERROR"));
        if (importRealm) {
            command.add("--import-realm");
        }
        process = ServerProcess.start(command,
                Map.of(
                        // In the environment, not on the command line any local user can list.
                        "KC_DB_USERNAME", PostgresServer.USER,
                        "KC_DB_PASSWORD", secrets.clusterDatabasePassword(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USERNAME,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword(),
                        // Placeholders in the realm import (config/realm/smartid-realm.json).
                        "SMARTID_PORTAL_URL", settings().portalUrl().toString(),
                        "SMARTID_PORTAL_CLIENT_SECRET", secrets.portalClientSecret(),
                        "SMARTID_ONBOARDING_CLIENT_SECRET", secrets.onboardingClientSecret(),
                        "SMARTID_PORTAL_ONBOARDING_CLIENT_SECRET", secrets.portalOnboardingClientSecret(),
                        "SMARTID_SANDBOX_ONBOARDING_CLIENT_SECRET", secrets.sandboxOnboardingClientSecret()),
                log());
        pidFile().write(process.pid());
        Readiness.awaitOk("Keycloak node " + number, readyUrl(), Duration.ofMinutes(5), process::isAlive, log());
    }

    URI readyUrl() {
        return URI.create("http://localhost:" + layout.keycloakNodeManagementPort(number) + "/health/ready");
    }

    /** Keycloak's launch script; the node's JVM is its child. */
    ProcessHandle process() {
        if (process == null) {
            throw new IllegalStateException("Keycloak node " + number + " is not running");
        }
        return process.toHandle();
    }

    ServerWatch.Server watched() {
        return new ServerWatch.Server("Keycloak node " + number, process(), log());
    }

    void stop() {
        ServerProcess.stop(process);
        process = null;
        pidFile().delete();
    }

    void stopStarted() {
        pidFile().stopRecorded();
    }

    private PidFile pidFile() {
        return new PidFile(settings().varDir().resolve("run/keycloak-" + number + ".pid"));
    }
}
