package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The portal's application server: Payara Server 6 with a domain of our own and the EAR deployed. */
final class PayaraServer {

    static final String DOMAIN = "smartid";

    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private Path home;

    PayaraServer(PlatformSettings settings, PlatformSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    void checkPorts() {
        LocalPorts.requireFree(settings.portalPort(), "Payara HTTP, the portal");
        LocalPorts.requireFree(settings.payaraAdminPort(), "Payara administration");
        LocalPorts.requireFree(settings.payaraPortBase() + 81, "Payara HTTPS");
    }

    void start() {
        home = Distribution.unpackOnce(settings.artifacts().resolve("payara.zip"), settings.servers().resolve("payara"));
        try {
            startDomainWithPortal();
        } catch (PlatformStartException notReady) {
            // Once, a portal that deployed did not answer on a CI machine and the cause left no trace; a second
            // try on a fresh domain costs a minute, and the first failure stays on record in the output.
            System.err.println("The portal did not start; trying once more on a fresh domain. First attempt: "
                    + notReady.getMessage());
            keepThreadsOfFailedStart();
            stop();
            keepServerLog("payara-failed-start.log");
            startDomainWithPortal();
        }
    }

    private void startDomainWithPortal() {
        Path log = settings.logs().resolve("payara-admin.log");
        // A fresh domain on every start: Payara 6 fails to reload this EAR when a domain restarts
        // (Weld "weblibJarArchive is null"), and the domain holds nothing that must survive; the
        // portal's data lives outside it. Its log goes with it: kept, so that a restart (a test restarts the
        // portal) does not take the record of what happened before with it.
        keepServerLog("payara-previous.log");
        try {
            Distribution.deleteRecursively(domainDir().resolve(DOMAIN));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the previous Payara domain", e);
        }
        asadmin(List.of("create-domain", "--domaindir", domainDir().toString(),
                "--portbase", Integer.toString(settings.payaraPortBase()), "--nopassword", DOMAIN), log, 180);
        linkServerLog();
        // No Server or X-Powered-By header naming Payara, its version or the JDK, on pages and error answers alike.
        PayaraDomainXml.withoutServerHeaders(domainDir().resolve(DOMAIN));
        // The server process inherits these; MicroProfile Config reads them as smartid.* properties.
        asadmin(List.of("start-domain", "--domaindir", domainDir().toString(), DOMAIN), log, 300);
        asadmin(List.of("--port", Integer.toString(settings.payaraAdminPort()), "deploy", "--name", "smartid",
                settings.artifacts().resolve("smartid-ear.ear").toString()), log, 300);
        Readiness.awaitOk("The portal", settings.portalUrl().resolve("/"), Duration.ofMinutes(3),
                () -> running().isPresent(), settings.logs().resolve("payara.log"));
    }

    /** The domain's server process, which asadmin started detached; Payara records its pid in the domain. */
    ServerWatch.Server watched() {
        ProcessHandle process = running().orElseThrow(() -> new PlatformStartException(
                "Payara's server process is not running; see " + settings.logs().resolve("payara.log")));
        return new ServerWatch.Server("Payara (the portal)", process, settings.logs().resolve("payara.log"));
    }

    private Optional<ProcessHandle> running() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(domainDir().resolve(DOMAIN + "/config/pid")).trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void stop() {
        if (home == null) {
            home = settings.servers().resolve("payara/payara6");
        }
        // Not when it already stopped (crashed, or ./run.sh stop came first): asadmin then fails, saying so.
        if (Files.exists(asadminScript()) && running().isPresent()) {
            try {
                asadmin(List.of("stop-domain", "--domaindir", domainDir().toString(), DOMAIN),
                        settings.logs().resolve("payara-admin.log"), 120);
            } catch (PlatformStartException e) {
                System.err.println("Payara did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /** Copies the domain's server log to {@code name} in the logs directory, if there is one. */
    private void keepServerLog(String name) {
        try {
            Path serverLog = domainDir().resolve(DOMAIN + "/logs/server.log");
            if (Files.exists(serverLog)) {
                Files.createDirectories(settings.logs());
                Files.copy(serverLog, settings.logs().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("Could not keep Payara's log as " + name + ": " + e.getMessage());
        }
    }

    /**
     * What the portal's threads were doing when it did not answer, so that the cause of a start that hangs shows
     * in the logs CI prints; the JDK's jcmd prints them.
     */
    private void keepThreadsOfFailedStart() {
        Optional<ProcessHandle> server = running();
        if (server.isEmpty()) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path dump = settings.logs().resolve("payara-threads-at-failed-start.log");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(server.get().pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            System.err.println("The portal's threads at the failed start: " + dump);
        } catch (IOException e) {
            System.err.println("Could not print the portal's threads: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void linkServerLog() {
        Path link = settings.logs().resolve("payara.log");
        try {
            Files.createDirectories(settings.logs());
            if (!Files.isSymbolicLink(link)) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, domainDir().resolve(DOMAIN + "/logs/server.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void asadmin(List<String> arguments, Path log, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(asadminScript().toString());
        command.addAll(arguments);
        ServerProcess.run(command, portalConfiguration(), log, timeoutSeconds);
    }

    private Map<String, String> portalConfiguration() {
        // An H2 file outside the domain (which every start recreates), each commit on disk before it returns;
        // SMARTID_DB_URL in the launcher's environment replaces it, e.g. with a PostgreSQL URL.
        return portalConfiguration(settings, secrets, Optional.ofNullable(System.getenv("SMARTID_DB_URL")).orElse(
                "jdbc:h2:file:" + settings.varDir().resolve("portal/db/smartid").toAbsolutePath() + ";WRITE_DELAY=0"));
    }

    /** The portal's settings (MicroProfile Config reads them as smartid.* properties), for the portal at {@code settings}' URL. */
    static Map<String, String> portalConfiguration(PlatformSettings settings, PlatformSecrets secrets, String portalDatabase) {
        Map<String, String> configuration = new java.util.HashMap<>(Map.of(
                // The developer area (hk.smartid.portal.developers): the sandbox realm and the portal's onboarding
                // service accounts in both realms.
                "SMARTID_IDP_SANDBOX_ISSUER", settings.sandboxRealmUrl().toString(),
                "SMARTID_DEVELOPERS_ONBOARDING_CLIENT_ID", Realm.PORTAL_ONBOARDING_CLIENT_ID,
                "SMARTID_DEVELOPERS_ONBOARDING_CLIENT_SECRET", secrets.portalOnboardingClientSecret(),
                "SMARTID_DEVELOPERS_SANDBOX_ONBOARDING_CLIENT_SECRET", secrets.sandboxOnboardingClientSecret()));
        configuration.putAll(Map.of(
                "SMARTID_IDP_ISSUER", settings.realmUrl().toString(),
                "SMARTID_PORTAL_URL", settings.portalUrl().toString(),
                "SMARTID_PORTAL_CLIENT_ID", Realm.PORTAL_CLIENT_ID,
                "SMARTID_PORTAL_CLIENT_SECRET", secrets.portalClientSecret(),
                // The e-service catalogue from config/, and where the portal keeps the last one it accepted.
                "SMARTID_CATALOGUE_FILE", settings.artifacts().resolve("config/catalogue/services.json").toAbsolutePath().toString(),
                "SMARTID_CATALOGUE_DATA_DIR", settings.varDir().resolve("portal/catalogue").toAbsolutePath().toString(),
                // The portal's database (README: "The portal's database").
                "SMARTID_DB_URL", portalDatabase,
                // The key payment notifications are signed with (README: "Fee payment").
                "SMARTID_PAYMENTS_PROVIDER_SECRET", secrets.paymentProviderSecret(),
                "SMARTID_DB_DATA_SOURCE_CLASS", portalDatabase.startsWith("jdbc:postgresql:")
                        ? "org.postgresql.ds.PGSimpleDataSource" : "org.h2.jdbcx.JdbcDataSource"));
        return configuration;
    }

    private Path asadminScript() {
        return home.resolve("bin/asadmin");
    }

    private Path domainDir() {
        return settings.varDir().resolve("payara-domains");
    }
}
