package hk.smartid.platform;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the production shape ({@code ./run.sh cluster}) listens and keeps its state, derived from the platform's
 * two base ports so that tests move all of it with -Dplatform.keycloak-port and -Dplatform.payara-port-base. The
 * public addresses stay those of {@link PlatformSettings} (the load balancers listen there); behind them, with the
 * development ports: Keycloak nodes on 8181 and 8182 (management 9001, 9002; cluster transport 13191, 13192),
 * PostgreSQL on 8200, portal instances with port bases 8300 and 8400 (HTTP 8380, 8480; data grid 8390, 8490).
 */
public record ClusterLayout(PlatformSettings settings) {

    public static final int NODES = 2;

    public int keycloakNodePort(int node) {
        return settings.keycloakPort() + node;
    }

    public int keycloakNodeManagementPort(int node) {
        return settings.keycloakManagementPort() + node;
    }

    /**
     * JGroups' TCP port of a Keycloak node (the Infinispan cluster). Below 15535: JGroups' failure detection listens
     * 50000 above it, which must still be a port.
     */
    int keycloakNodeTransportPort(int node) {
        return 10000 + settings.keycloakPort() % 5000 + 10 + node;
    }

    public int postgresPort() {
        return settings.keycloakPort() + 20;
    }

    int portalPortBase(int instance) {
        return settings.payaraPortBase() + 200 + 100 * instance;
    }

    public int portalInstancePort(int instance) {
        return portalPortBase(instance) + 80;
    }

    int portalAdminPort(int instance) {
        return portalPortBase(instance) + 48;
    }

    /** Hazelcast's port of a portal instance (Payara's data grid, which holds the replicated web sessions). */
    int portalDataGridPort(int instance) {
        return portalPortBase(instance) + 90;
    }

    public URI keycloakNodeUrl(int node) {
        return URI.create("http://localhost:" + keycloakNodePort(node));
    }

    public URI portalInstanceUrl(int instance) {
        return URI.create("http://localhost:" + portalInstancePort(instance));
    }

    /** The cluster's own state under var/: PostgreSQL's database cluster, the load balancers' configuration. */
    Path dir() {
        return settings.varDir().resolve("cluster");
    }
}
