package hk.smartid.idp.bank;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import java.util.List;

public class BankRequestExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "smartid-bank-request";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new BankRequestExecutor(session);
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
        return "A bank's authorization request names a registered purpose, asks only for the data items that purpose allows, and asks for acr loa-verified.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
