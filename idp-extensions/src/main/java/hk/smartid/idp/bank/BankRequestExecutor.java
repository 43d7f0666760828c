package hk.smartid.idp.bank;

import hk.smartid.idp.consent.Consent;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Data minimisation at the authorization request: a bank names the registered purpose it asks for, asks
 * only for the items that purpose allows, and asks for a verified identity. Runs on the pushed request
 * (so a bad request never gets a request_uri) and again when the browser brings the request_uri. At the
 * token endpoint, a code is redeemed only if its login went through the consent step (a DPoP proof whose jwk is
 * private Keycloak 26.7 refuses there by itself).
 */
public class BankRequestExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    public BankRequestExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return BankRequestExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() == ClientPolicyEvent.TOKEN_REQUEST) {
            requireConsentInLogin((TokenRequestContext) context);
            return;
        }
        AuthorizationEndpointRequest request = switch (context.getEvent()) {
            case PUSHED_AUTHORIZATION_REQUEST -> ((PushedAuthorizationRequestContext) context).getRequest();
            case AUTHORIZATION_REQUEST -> ((AuthorizationRequestContext) context).getAuthorizationEndpointRequest();
            default -> null;
        };
        if (request == null) {
            return;
        }
        BankClient bank = BankClient.of(session.getContext().getClient()).orElse(null);
        if (bank == null) {
            return;
        }
        var refusal = BankRequest.refusalOf(bank.purposes(), request.getAdditionalReqParams().get(BankRequest.PURPOSE_PARAMETER),
                request.getScope(), request.getAcr());
        if (refusal.isPresent()) {
            throw new ClientPolicyException(refusal.get().error(), refusal.get().description());
        }
    }

    /** A code from a login that skipped the consent step (e.g. an account created on the bank's login page) buys no token. */
    private static void requireConsentInLogin(TokenRequestContext context) throws ClientPolicyException {
        AuthenticatedClientSessionModel clientSession = context.getParseResult() == null ? null
                : context.getParseResult().getClientSession();
        if (clientSession != null && clientSession.getNote(Consent.LOGIN_NOTE) == null) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT, "The resident gave no consent in this login");
        }
    }
}
