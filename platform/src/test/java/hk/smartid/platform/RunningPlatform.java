package hk.smartid.platform;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts the real platform (Keycloak with our providers and a freshly imported realm, Payara with the EAR) once for all
 * test classes in the JVM, on ports of its own so a developer's ./run.sh can keep running, and stops it
 * when the test run ends (JUnit closes what the root store holds). Tests may open the IdP's database
 * ({@link Platform#idpDatabaseUrl()}), e.g. to tamper with the disclosure log. Test classes take the {@link Platform} as a parameter.
 */
public class RunningPlatform implements BeforeAllCallback, ParameterResolver {

    /** Away from the development ports: IdP on 28180, portal on 28080 (-Dplatform.keycloak-port, -Dplatform.payara-port-base). */
    private static final int KEYCLOAK_PORT = Integer.getInteger("platform.keycloak-port", 28180);
    private static final int PAYARA_PORT_BASE = Integer.getInteger("platform.payara-port-base", 28000);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    private static Platform platform(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RunningPlatform.class))
                .getOrComputeIfAbsent("platform", key -> new Platform(settings()).resetIdentities().start(), Platform.class);
    }

    private static PlatformSettings settings() {
        return new PlatformSettings(Path.of(required("platform.artifacts")), Path.of(required("platform.var")),
                KEYCLOAK_PORT, PAYARA_PORT_BASE, true);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests with ./mvnw verify");
        }
        return value;
    }
}
