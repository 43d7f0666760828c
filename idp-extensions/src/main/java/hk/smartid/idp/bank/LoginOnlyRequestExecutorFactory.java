package hk.smartid.idp.bank;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.List;

public class LoginOnlyRequestExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "smartid-login-only-request";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new LoginOnlyRequestExecutor();
    }

    @Override
    public void init(Config.Scope config) {
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
    public String getHelpText() {
        return "A login-only business asks for no data item (person.* scopes): refused with invalid_scope.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
