package hk.smartid.cluster;

import hk.smartid.platform.Platform;
import hk.smartid.platform.PlatformCluster;
import hk.smartid.platform.PlatformSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the production shape ({@link PlatformCluster}) once for all cluster tests in the JVM, on a fresh database
 * cluster, and stops it when the run ends. Test classes take the {@link PlatformCluster} as a parameter, and a
 * {@link Platform} of the same settings for the existing test clients, which only need its public addresses,
 * secrets and admin client (that Platform is never started: the cluster's load balancers answer at its addresses).
 */
public class RunningCluster implements BeforeAllCallback, ParameterResolver {

    /** The cluster tests' ports (README "Production shape"): IdP's load balancer on 26180, the portal's on 26080. */
    private static final int KEYCLOAK_PORT = Integer.getInteger("platform.keycloak-port", 26180);
    private static final int PAYARA_PORT_BASE = Integer.getInteger("platform.payara-port-base", 26000);

    private record Started(PlatformCluster cluster, Platform clients) implements AutoCloseable {
        @Override
        public void close() {
            clients.idpAdmin().close();
            cluster.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PlatformCluster.class || type == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = started(context);
        return parameter.getParameter().getType() == PlatformCluster.class ? started.cluster() : started.clients();
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RunningCluster.class))
                .getOrComputeIfAbsent("cluster", key -> {
                    PlatformSettings settings = settings();
                    deleteRecursively(settings.varDir().resolve("cluster/postgres"));
                    return new Started(new PlatformCluster(settings).start(), new Platform(settings));
                }, Started.class);
    }

    private static PlatformSettings settings() {
        return new PlatformSettings(Path.of(required("platform.artifacts")), Path.of(required("platform.var")),
                KEYCLOAK_PORT, PAYARA_PORT_BASE);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run with ./mvnw verify -Pcluster");
        }
        return value;
    }
}
