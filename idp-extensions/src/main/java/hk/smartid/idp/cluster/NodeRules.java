package hk.smartid.idp.cluster;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the nodes of one running Keycloak cluster on the same rules (issue 13, fault 4). At start (after the
 * database migration and realm import, before the node serves) a node computes the fingerprint of its provider jars
 * and realm imports and compares it with the one the cluster's first node recorded in {@code SMARTID_NODE_RULES}
 * under the cluster's start time (which Infinispan keeps while any node lives); a node that differs logs one line
 * naming both fingerprints and stops. A cluster started afresh (every node stopped) records anew, so an upgrade is a
 * full restart; a single node without peers is always its cluster's first.
 */
public final class NodeRules implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(NodeRules.class);

    private final KeycloakSessionFactory factory;

    public NodeRules(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (!(event instanceof PostMigrationEvent)) {
            return;
        }
        String home = System.getProperty("kc.home.dir");
        if (home == null) {
            return; // not the Keycloak distribution (an embedded test server): nothing installed to compare
        }
        String mine = fingerprint(Path.of(home));
        String node = "process " + ProcessHandle.current().pid();
        NodeRulesEntity recorded = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            int clusterStartedAt = session.getProvider(ClusterProvider.class).getClusterStartupTime();
            NodeRulesEntity first = em.find(NodeRulesEntity.class, clusterStartedAt);
            if (first == null) {
                first = new NodeRulesEntity(clusterStartedAt, mine, node, System.currentTimeMillis());
                em.persist(first);
            }
            return first;
        });
        if (!recorded.fingerprint().equals(mine)) {
            String refusal = "SmartID: this node's provider jars and realm imports (fingerprint " + mine
                    + ") differ from those its cluster runs with (" + recorded.fingerprint() + ", recorded by "
                    + recorded.recordedBy() + "); refusing to start. Start every node from the same installation.";
            LOG.error(refusal);
            throw new IllegalStateException(refusal);
        }
        LOG.infof("SmartID: node rules fingerprint %s, the same as its cluster's", mine);
    }

    /** SHA-256 over the names and bytes of {@code providers/*} and {@code data/import/*}, in name order. */
    static String fingerprint(Path home) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path dir : List.of(home.resolve("providers"), home.resolve("data/import"))) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(home.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the installed providers and realm imports under " + home, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
