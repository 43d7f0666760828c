package hk.smartid.idp.consent;

import hk.smartid.idp.bank.BankClient;
import hk.smartid.idp.bank.BankRequest;
import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.bank.Purpose;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a bank asks the resident for in one authorization request: the purpose it registered (request
 * parameter {@value BankRequest#PURPOSE_PARAMETER}) and the data items (scopes) it requested.
 */
record ConsentRequest(BankClient bank, Purpose purpose, List<DataItem> items) {

    /**
     * The request of this login, or empty when it names no registered purpose, no data item, or an item its
     * purpose does not allow. The bank policy refuses such requests at the PAR endpoint already; this is
     * the last check before anything is shown or stored.
     */
    static Optional<ConsentRequest> of(KeycloakSession session, BankClient bank, AuthenticationSessionModel authSession) {
        // Keycloak keeps extra authorization request parameters, pushed ones too, as client notes.
        String purposeId = authSession.getClientNote(
                AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + BankRequest.PURPOSE_PARAMETER);
        Optional<Purpose> purpose = purposeId == null ? Optional.empty() : bank.purpose(purposeId);
        if (purpose.isEmpty()) {
            return Optional.empty();
        }
        Stream<String> scopeNames = TokenManager.getRequestedClientScopes(session,
                        authSession.getClientNote(OAuth2Constants.SCOPE), authSession.getClient(),
                        authSession.getAuthenticatedUser())
                .map(ClientScopeModel::getName);
        List<DataItem> items = dataItems(scopeNames);
        if (items.isEmpty() || !items.stream().allMatch(purpose.get()::allows)) {
            return Optional.empty();
        }
        return Optional.of(new ConsentRequest(bank, purpose.get(), items));
    }

    /** The data items among these scope names, once each, in the order the consent screen lists them. */
    static List<DataItem> dataItems(Stream<String> scopeNames) {
        Set<DataItem> items = EnumSet.noneOf(DataItem.class);
        scopeNames.map(DataItem::ofScope).flatMap(Optional::stream).forEach(items::add);
        return List.copyOf(items);
    }
}
