package hk.smartid.platform;

import org.keycloak.admin.client.Keycloak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The production shape on one machine ({@code ./run.sh cluster}): PostgreSQL, two Keycloak nodes in one Infinispan
 * cluster, two portal instances sharing their web sessions, HAProxy in front of both pairs on the platform's public
 * ports, and the sample bank as in {@link Platform}. Started in that order: the database, the first node (which
 * imports the realm), the second, the load balancer, the bank (registered through the load balancer), the portal.
 */
public final class PlatformCluster implements AutoCloseable {

    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private final ClusterLayout layout;
    private final PostgresServer database;
    private final List<KeycloakNode> nodes;
    private final LoadBalancer balancer;
    private final SampleBankServer bank;
    private final List<PortalInstance> portals;
    private Keycloak idpAdmin;

    public PlatformCluster(PlatformSettings settings) {
        this.settings = settings;
        this.secrets = new PlatformSecrets(settings.varDir());
        this.layout = new ClusterLayout(settings);
        this.database = new PostgresServer(layout, secrets);
        this.nodes = IntStream.rangeClosed(1, ClusterLayout.NODES)
                .mapToObj(node -> new KeycloakNode(layout, secrets, database, node)).toList();
        this.balancer = new LoadBalancer(layout);
        this.bank = new SampleBankServer(settings, secrets);
        String portalDatabase = database.jdbcUrl(PostgresServer.PORTAL_DATABASE) + "?user=" + PostgresServer.USER
                + "&password=" + secrets.clusterDatabasePassword();
        this.portals = IntStream.rangeClosed(1, ClusterLayout.NODES)
                .mapToObj(instance -> new PortalInstance(layout, secrets, portalDatabase, instance)).toList();
    }

    public PlatformCluster start() {
        database.checkPorts();
        nodes.forEach(KeycloakNode::checkPorts);
        balancer.checkPorts();
        bank.checkPorts();
        portals.forEach(PortalInstance::checkPorts);
        try {
            database.start();
            KeycloakNode.install(layout);
            for (KeycloakNode node : nodes) {
                node.start(node == nodes.get(0));
            }
            balancer.start();
            bank.start();
            System.out.println("Sample bank " + settings.bankUrl() + "/: " + bank.register());
            portals.forEach(PortalInstance::start);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Kills a Keycloak node's JVM with SIGKILL (kill -9), as a crash would end it. */
    public void killKeycloakNode(int node) {
        ProcessHandle script = keycloakNode(node).process();
        // The JVM is the script's child: until it has exited, its ports are still taken.
        List<ProcessHandle> processes = new ArrayList<>(script.descendants().toList());
        processes.add(script);
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
        keycloakNode(node).stop();
    }

    /** Stops a Keycloak node as an operator would (SIGTERM: Keycloak leaves its cluster and shuts down). */
    public void stopKeycloakNode(int node) {
        keycloakNode(node).stop();
    }

    /** Starts a stopped Keycloak node again; it rejoins the cluster and is ready when this returns. */
    public void startKeycloakNode(int node) {
        keycloakNode(node).checkPorts();
        keycloakNode(node).start(false);
    }

    /**
     * The Keycloak installation both nodes run from (providers, realm imports, the build), e.g. for a test to copy and
     * change.
     */
    public Path keycloakInstallation() {
        return KeycloakNode.installation(layout);
    }

    /**
     * Starts a stopped Keycloak node from another installation; returns when it is ready, throws
     * {@link PlatformStartException} (its log's last lines) when it stops instead.
     */
    public void startKeycloakNodeFrom(int node, Path installation) {
        keycloakNode(node).checkPorts();
        try {
            keycloakNode(node).start(installation, false);
        } catch (PlatformStartException e) {
            keycloakNode(node).stop();
            throw e;
        }
    }

    /** The portal instances' running JVMs, e.g. for a benchmark that waits until they are at rest. */
    public List<ProcessHandle> portalProcesses() {
        return portals.stream().flatMap(portal -> portal.running().stream()).toList();
    }

    /** The Keycloak nodes' processes (launch scripts and their JVMs), e.g. for a benchmark that reads their CPU time. */
    public List<ProcessHandle> idpProcesses() {
        return nodes.stream().map(KeycloakNode::process)
                .flatMap(script -> Stream.concat(Stream.of(script), script.descendants()))
                .toList();
    }

    /** Kills a portal instance's JVM with SIGKILL (kill -9). */
    public void killPortalInstance(int instance) {
        ProcessHandle server = portals.get(instance - 1).running()
                .orElseThrow(() -> new IllegalStateException("Portal instance " + instance + " is not running"));
        server.destroyForcibly();
        server.onExit().join();
    }

    /** Stops PostgreSQL (fast shutdown: open connections end) and starts it again; the other servers keep running. */
    public void restartDatabase() {
        database.stop();
        database.checkPorts();
        database.start();
    }

    /** A Keycloak node's log (var/logs/keycloak-<node>.log). */
    public Path keycloakNodeLog(int node) {
        return keycloakNode(node).log();
    }

    /**
     * The JDBC URL of Keycloak's database (user {@code smartid}, password {@link PlatformSecrets#clusterDatabasePassword()}),
     * e.g. for a test that checks what a crash left in it.
     */
    public String idpDatabaseUrl() {
        return database.jdbcUrl(PostgresServer.KEYCLOAK_DATABASE);
    }

    public String databaseUser() {
        return PostgresServer.USER;
    }

    private KeycloakNode keycloakNode(int node) {
        return nodes.get(node - 1);
    }

    /** Stops servers an earlier launcher left running ({@code ./run.sh cluster stop}). */
    public void stopStarted() {
        portals.forEach(PortalInstance::stop);
        bank.stopStarted();
        balancer.stopStarted();
        nodes.forEach(KeycloakNode::stopStarted);
        database.stop();
    }

    /** The running servers, for the launcher to watch; {@code redundant} is whether the platform survives its loss. */
    record Watched(ServerWatch.Server server, boolean redundant) {
    }

    List<Watched> servers() {
        List<Watched> servers = new ArrayList<>();
        servers.add(new Watched(database.watched(), false));
        nodes.forEach(node -> servers.add(new Watched(node.watched(), true)));
        servers.add(new Watched(balancer.watched(), false));
        servers.add(new Watched(bank.watched(), false));
        portals.forEach(portal -> servers.add(new Watched(portal.watched(), true)));
        return servers;
    }

    /** Keycloak's admin client (through the load balancer), signed in as the bootstrap administrator. */
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
        portals.forEach(PortalInstance::stop);
        bank.stop();
        balancer.stop();
        nodes.forEach(KeycloakNode::stop);
        database.stop();
    }

    public PlatformSettings settings() {
        return settings;
    }

    public PlatformSecrets secrets() {
        return secrets;
    }

    public ClusterLayout layout() {
        return layout;
    }

    public String keycloakAdminUsername() {
        return KeycloakServer.ADMIN_USERNAME;
    }
}
