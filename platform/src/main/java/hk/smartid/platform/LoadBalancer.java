package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's {@code haproxy}) in front of the production shape: the IdP's public port (8180) spread over
 * the Keycloak nodes, the portal's (8080) over the portal instances. A node leaves the rotation when its health check
 * fails twice (one check a second: Keycloak's {@code /health/ready} on its management port, the portal's home page) or at
 * once when a connection to it is refused, and the request is sent to the other node instead ({@code redispatch}).
 */
final class LoadBalancer {

    /** One check a second, out after two failures or at once on a refused connection, back after two passes. */
    private static final String HEALTH = " inter 1s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down\n";

    private final ClusterLayout layout;
    private Process process;

    LoadBalancer(ClusterLayout layout) {
        this.layout = layout;
    }

    void checkPorts() {
        LocalPorts.requireFree(layout.settings().keycloakPort(), "the IdP's load balancer");
        LocalPorts.requireFree(layout.settings().portalPort(), "the portal's load balancer");
    }

    private Path log() {
        return layout.settings().logs().resolve("haproxy.log");
    }

    void start() {
        Path configuration = layout.dir().resolve("haproxy.cfg");
        try {
            Files.createDirectories(layout.dir());
            Files.writeString(configuration, configuration());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configuration, e);
        }
        String haproxy = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        // -db: in the foreground, its messages (a server going down or up) in our log.
        process = ServerProcess.start(List.of(haproxy, "-db", "-f", configuration.toString()), Map.of(), log());
        pidFile().write(process.pid());
        Readiness.awaitOk("The load balancer", URI.create(layout.settings().keycloakUrl() + "/realms/" + Realm.NAME),
                Duration.ofMinutes(1), process::isAlive, log());
    }

    /**
     * Stickiness by a cookie of HAProxy's own on both pairs: Keycloak 26.7 no longer appends its route to the
     * AUTH_SESSION_ID cookie (that value is now the signed session id alone), and its reverse proxy guide leaves
     * affinity to the proxy's own means; a login then stays on the node that holds its authentication session. The
     * portal's instances share their web sessions through Payara's data grid, so there stickiness is only for speed.
     */
    /*
     * Keycloak's readiness also reports its cluster's health: after a node is killed, its peer reports DOWN for as long
     * as the dead node's row stays in the discovery table (about 20 s here), though it serves well. So each node is
     * in the Keycloak backend twice: as a ready node (health check /health/ready), and as a backup used only when no
     * node is ready, tracking /health/live, so that the load balancer never refuses while a live node could answer.
     */
    private String configuration() {
        PlatformSettings settings = layout.settings();
        StringBuilder keycloakServers = new StringBuilder();
        StringBuilder portalServers = new StringBuilder();
        StringBuilder liveServers = new StringBuilder();
        IntStream.rangeClosed(1, ClusterLayout.NODES).forEach(node -> {
            String address = " 127.0.0.1:" + layout.keycloakNodePort(node);
            String checkPort = " check port " + layout.keycloakNodeManagementPort(node);
            keycloakServers.append("    server kc").append(node).append(address).append(" cookie kc").append(node)
                    .append(checkPort).append(HEALTH);
            keycloakServers.append("    server kc").append(node).append("-live").append(address)
                    .append(" backup track keycloak-live/kc").append(node).append('\n');
            liveServers.append("    server kc").append(node).append(address).append(checkPort).append(HEALTH);
            portalServers.append("    server portal").append(node).append(" 127.0.0.1:").append(layout.portalInstancePort(node))
                    .append(" cookie p").append(node).append(" check").append(HEALTH);
        });
        return """
                # Written by ./run.sh cluster at every start (hk.smartid.platform.LoadBalancer); edits are lost.
                global
                    maxconn 2000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    retries 2
                    option redispatch 1
                    option forwardfor

                frontend idp
                    bind 127.0.0.1:%d
                    http-request set-header X-Forwarded-Proto http
                    http-request set-header X-Forwarded-Host %%[req.hdr(host)]
                    default_backend keycloak

                backend keycloak
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    cookie SMARTID_IDP_NODE insert indirect nocache httponly attr SameSite=Lax
                    option allbackups
                %s
                # Whether a node's process is alive (not whether it is ready): for the backups above.
                backend keycloak-live
                    option httpchk GET /health/live
                    http-check expect status 200
                %s
                frontend portal
                    bind 127.0.0.1:%d
                    http-request set-header X-Forwarded-Proto http
                    default_backend portal

                backend portal
                    balance roundrobin
                    cookie SMARTID_PORTAL_NODE insert indirect nocache httponly attr SameSite=Lax
                    option httpchk GET /
                    http-check expect status 200
                %s""".formatted(settings.keycloakPort(), keycloakServers, liveServers, settings.portalPort(), portalServers);
    }

    ServerWatch.Server watched() {
        return new ServerWatch.Server("The load balancer (HAProxy)", process.toHandle(), log());
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
        return new PidFile(layout.settings().varDir().resolve("run/haproxy.pid"));
    }
}
