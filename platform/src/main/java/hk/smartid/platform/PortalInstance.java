package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One portal instance of the production shape: a Payara domain of its own (one per instance, from the shared Payara
 * installation) with the EAR deployed availability-enabled, so that its web sessions ({@code <distributable/>}) are
 * replicated through Payara's data grid (Hazelcast) to the other instance, found at its fixed port on loopback
 * (TCP/IP discovery, a cluster name of this installation's own). The portal's data source is on the cluster's
 * PostgreSQL. Like {@link PayaraServer}, every start makes the domain afresh.
 */
final class PortalInstance {

    private final ClusterLayout layout;
    private final PlatformSecrets secrets;
    private final String databaseUrl;
    private final int number;

    PortalInstance(ClusterLayout layout, PlatformSecrets secrets, String databaseUrl, int number) {
        this.layout = layout;
        this.secrets = secrets;
        this.databaseUrl = databaseUrl;
        this.number = number;
    }

    private PlatformSettings settings() {
        return layout.settings();
    }

    private String domain() {
        return "smartid-" + number;
    }

    void checkPorts() {
        LocalPorts.requireFree(layout.portalInstancePort(number), "portal instance " + number);
        LocalPorts.requireFree(layout.portalAdminPort(number), "portal instance " + number + " administration");
        LocalPorts.requireFree(layout.portalDataGridPort(number), "portal instance " + number + " data grid");
    }

    private Path home() {
        return Distribution.unpackOnce(settings().artifacts().resolve("payara.zip"), settings().servers().resolve("payara"));
    }

    private Path domainDir() {
        return layout.dir().resolve("payara-domains");
    }

    Path log() {
        return settings().logs().resolve("portal-" + number + ".log");
    }

    private Path adminLog() {
        return settings().logs().resolve("portal-" + number + "-admin.log");
    }

    void start() {
        try {
            Distribution.deleteRecursively(domainDir().resolve(domain()));
            Files.createDirectories(settings().logs());
            Files.deleteIfExists(log());
            Files.createSymbolicLink(log(), domainDir().resolve(domain() + "/logs/server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the domain of portal instance " + number, e);
        }
        String admin = Integer.toString(layout.portalAdminPort(number));
        asadmin(List.of("create-domain", "--domaindir", domainDir().toString(),
                "--portbase", Integer.toString(layout.portalPortBase(number)), "--nopassword", domain()), 180);
        try {
            // The data source's pool loads PostgreSQL's driver from the server (the domain's lib/), not from the WAR.
            KeycloakServer.copyIfChanged(settings().artifacts().resolve("postgresql.jar"),
                    domainDir().resolve(domain() + "/lib/postgresql.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install PostgreSQL's JDBC driver into " + domain(), e);
        }
        PayaraDomainXml.withoutServerHeaders(domainDir().resolve(domain()));
        asadmin(List.of("start-domain", "--domaindir", domainDir().toString(), domain()), 300);
        String members = IntStream.rangeClosed(1, ClusterLayout.NODES)
                .mapToObj(instance -> "127.0.0.1:" + layout.portalDataGridPort(instance)).collect(Collectors.joining(","));
        String gridPort = Integer.toString(layout.portalDataGridPort(number));
        asadmin(List.of("--port", admin, "set-hazelcast-configuration", "--dynamic=true",
                "--clustermode", "tcpip", "--tcpipmembers", members, "--interfaces", "127.0.0.1",
                "--startport", gridPort, "--dasport", gridPort,
                // Only the instances of this installation: other Payaras on the machine use other names.
                "--clustername", "smartid-portal-" + settings().portalPort()), 180);
        asadmin(List.of("--port", admin, "set",
                "configs.config.server-config.availability-service.web-container-availability.persistence-type=hazelcast"), 120);
        asadmin(List.of("--port", admin, "deploy", "--availabilityenabled=true", "--name", "smartid",
                settings().artifacts().resolve("smartid-ear.ear").toString()), 300);
        Readiness.awaitOk("Portal instance " + number, layout.portalInstanceUrl(number).resolve("/"), Duration.ofMinutes(3),
                () -> running().isPresent(), log());
    }

    private void asadmin(List<String> arguments, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(home().resolve("bin/asadmin").toString());
        command.addAll(arguments);
        // The server process inherits the portal's settings from start-domain's environment.
        Map<String, String> configuration = PayaraServer.portalConfiguration(settings(), secrets, databaseUrl);
        ServerProcess.run(command, configuration, adminLog(), timeoutSeconds);
    }

    /** The domain's server process, which asadmin started detached; Payara records its pid in the domain. */
    Optional<ProcessHandle> running() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(
                    domainDir().resolve(domain() + "/config/pid")).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    ServerWatch.Server watched() {
        ProcessHandle process = running().orElseThrow(() -> new PlatformStartException(
                "Portal instance " + number + " is not running; see " + log()));
        return new ServerWatch.Server("Portal instance " + number, process, log());
    }

    void stop() {
        if (running().isPresent()) {
            try {
                asadmin(List.of("stop-domain", "--domaindir", domainDir().toString(), domain()), 120);
            } catch (PlatformStartException e) {
                System.err.println("Portal instance " + number + " did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
