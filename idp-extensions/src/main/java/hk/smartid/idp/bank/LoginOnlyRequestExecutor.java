package hk.smartid.idp.bank;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.Arrays;
import java.util.List;

/**
 * A login-only business never gets person data: an authorization request (pushed or not) naming a data item is
 * refused with {@code invalid_scope}, whatever scopes an administrator may have given the client. Keycloak alone would
 * refuse a scope the client lacks, but at the PAR endpoint as {@code invalid_request}.
 */
public class LoginOnlyRequestExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public String getProviderId() {
        return LoginOnlyRequestExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        AuthorizationEndpointRequest request = switch (context.getEvent()) {
            case PUSHED_AUTHORIZATION_REQUEST -> ((PushedAuthorizationRequestContext) context).getRequest();
            case AUTHORIZATION_REQUEST -> ((AuthorizationRequestContext) context).getAuthorizationEndpointRequest();
            default -> null;
        };
        if (request == null || request.getScope() == null) {
            return;
        }
        List<String> dataItems = Arrays.stream(request.getScope().trim().split("\\s+"))
                .filter(scope -> DataItem.ofScope(scope).isPresent()).toList();
        if (!dataItems.isEmpty()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_SCOPE,
                    "A login-only client gets no data items: " + String.join(" ", dataItems));
        }
    }
}
