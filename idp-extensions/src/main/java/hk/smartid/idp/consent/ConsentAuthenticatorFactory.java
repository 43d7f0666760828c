package hk.smartid.idp.consent;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Registers {@link ConsentAuthenticator} for the flow {@code smartid bank browser}. How long a consent
 * lasts is the Keycloak option {@code --spi-authenticator--smartid-bank-consent--consent-validity}
 * (seconds, default 2592000 = 30 days).
 */
public class ConsentAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "smartid-bank-consent";
    static final String VALIDITY_OPTION = "consent-validity";
    static final long DEFAULT_VALIDITY_SECONDS = Duration.ofDays(30).toSeconds();

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    private Duration validity = Duration.ofSeconds(DEFAULT_VALIDITY_SECONDS);

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ConsentAuthenticator(Clock.systemUTC(), validity);
    }

    @Override
    public void init(Config.Scope config) {
        long seconds = config.getLong(VALIDITY_OPTION, DEFAULT_VALIDITY_SECONDS);
        if (seconds <= 0) {
            throw new IllegalArgumentException(VALIDITY_OPTION + " must be a positive number of seconds, not " + seconds);
        }
        validity = Duration.ofSeconds(seconds);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(VALIDITY_OPTION).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds a resident's consent to a bank lasts.")
                .defaultValue(DEFAULT_VALIDITY_SECONDS).add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SmartID bank consent";
    }

    @Override
    public String getReferenceCategory() {
        return "consent";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Asks a verified resident to approve the data items a bank requests for its registered purpose.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
