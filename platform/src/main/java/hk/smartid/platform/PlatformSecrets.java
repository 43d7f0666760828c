package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets generated on first start and kept under var/secrets (owner-readable only), so none is ever in
 * the repository and each installation has its own.
 */
public final class PlatformSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public PlatformSecrets(Path varDir) {
        this.directory = varDir.resolve("secrets");
    }

    public String portalClientSecret() {
        return secret("portal-client-secret");
    }

    public String keycloakAdminPassword() {
        return secret("keycloak-admin-password");
    }

    /** The client secret of {@code smartid-onboarding}, the service account that registers banks. */
    public String onboardingClientSecret() {
        return secret("onboarding-client-secret");
    }

    /** The portal's onboarding service account in realm smartid: it creates approved businesses' production clients. */
    public String portalOnboardingClientSecret() {
        return secret("portal-onboarding-client-secret");
    }

    /** The portal's onboarding service account in the sandbox realm: it registers businesses' sandbox integrations. */
    public String sandboxOnboardingClientSecret() {
        return secret("sandbox-onboarding-client-secret");
    }

    /** The client secret of {@code smartid-resident-seeding}, the service account {@code ./run.sh seed} enrols batches with. */
    public String residentSeedingClientSecret() {
        return secret("resident-seeding-client-secret");
    }

    /** The demo counter terminal's client secret ({@code ./run.sh} only). */
    public String demoTerminalSecret() {
        return secret("demo-counter-terminal-secret");
    }

    /**
     * The HS256 key the payment provider signs payment notifications with and the portal checks them with
     * (base64url of 256 random bits); the sample bank plays the provider.
     */
    public String paymentProviderSecret() {
        return secret("payment-provider-secret");
    }

    /** The password of the production shape's PostgreSQL user ({@code ./run.sh cluster}). */
    public String clusterDatabasePassword() {
        return secret("cluster-database-password");
    }

    private String secret(String name) {
        Path file = directory.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(directory);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, value);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        }
    }
}
