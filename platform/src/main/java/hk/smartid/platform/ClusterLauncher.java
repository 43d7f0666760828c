package hk.smartid.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run.sh cluster}: starts the production shape ({@link PlatformCluster}) in the foreground until Ctrl-C, or
 * stops one left running ({@code ./run.sh cluster stop}). A Keycloak node or portal instance that stops is named
 * with the end of its log and the platform runs on with its peer (that is what the shape is for); when the last of a
 * pair, the database, the load balancer or the bank stops, everything stops and the launcher exits 1.
 */
public final class ClusterLauncher {

    private ClusterLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3 || !(args[0].equals("start") || args[0].equals("stop"))) {
            System.err.println("usage: ClusterLauncher start|stop <artifacts dir> <var dir>");
            System.exit(2);
        }
        PlatformSettings settings = PlatformSettings.development(Path.of(args[1]).toAbsolutePath(),
                Path.of(args[2]).toAbsolutePath());
        PlatformCluster cluster;
        try {
            cluster = new PlatformCluster(settings);
        } catch (PlatformStartException e) {
            System.err.println("SmartID HK (cluster) could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (args[0].equals("stop")) {
            cluster.stopStarted();
            System.out.println("SmartID HK (cluster) stopped.");
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping SmartID HK (cluster) ...");
            cluster.close();
        }));
        List<PlatformCluster.Watched> running;
        try {
            System.out.println("Starting SmartID HK, production shape (logs in " + settings.logs() + ") ...");
            long started = System.nanoTime();
            cluster.start();
            running = new ArrayList<>(cluster.servers());
            System.out.printf("Started in %d s.%n", (System.nanoTime() - started) / 1_000_000_000);
        } catch (PlatformStartException e) {
            System.err.println("SmartID HK (cluster) could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(banner(cluster));
        System.out.println(new DemoCounter(settings, cluster.secrets(), cluster.idpAdmin()).describe());
        while (true) {
            ServerWatch.Stopped stopped = ServerWatch.firstToStop(running.stream().map(PlatformCluster.Watched::server).toList());
            if (stopping.get()) {
                return;
            }
            PlatformCluster.Watched gone = running.stream().filter(w -> w.server().equals(stopped.server())).findFirst()
                    .orElseThrow();
            running.remove(gone);
            boolean peerRuns = gone.redundant() && running.stream().anyMatch(w -> w.redundant()
                    && w.server().name().split(" ")[0].equals(gone.server().name().split(" ")[0]));
            if (peerRuns) {
                System.err.println("\n" + stopped.describe() + "\nIts peer serves on; restart with ./run.sh cluster.");
                continue;
            }
            System.err.println("\nSmartID HK (cluster) is not running any more: " + stopped.describe());
            System.exit(1);
        }
    }

    private static String banner(PlatformCluster cluster) {
        PlatformSettings s = cluster.settings();
        ClusterLayout l = cluster.layout();
        return """

                SmartID HK is running in its production shape. Press Ctrl-C to stop (or ./run.sh cluster stop).

                  Portal (residents)   %s/   (HAProxy over instances %s/ and %s/)
                  Sample bank          %s/
                  IdP (realm smartid)  %s/realms/smartid/.well-known/openid-configuration
                                       (HAProxy over Keycloak nodes %s and %s; their health and metrics
                                       at http://localhost:%d/health/ready and /metrics, and on port %d)
                  IdP administration   %s/admin/  user "%s", password in %s
                  PostgreSQL           127.0.0.1:%d, user %s, password in %s (databases keycloak, portal)

                Logs: %s
                """.formatted(s.portalUrl(), l.portalInstanceUrl(1), l.portalInstanceUrl(2), s.bankUrl(), s.keycloakUrl(),
                l.keycloakNodeUrl(1), l.keycloakNodeUrl(2), l.keycloakNodeManagementPort(1), l.keycloakNodeManagementPort(2),
                s.keycloakUrl(), cluster.keycloakAdminUsername(), s.varDir().resolve("secrets/keycloak-admin-password"),
                l.postgresPort(), PostgresServer.USER, s.varDir().resolve("secrets/cluster-database-password"), s.logs());
    }
}
