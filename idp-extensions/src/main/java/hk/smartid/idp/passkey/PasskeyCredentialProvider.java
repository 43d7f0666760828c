package hk.smartid.idp.passkey;

import com.webauthn4j.WebAuthnAuthenticationManager;
import com.webauthn4j.authenticator.CoreAuthenticator;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.CoreAuthenticationObject;
import com.webauthn4j.verifier.OriginVerifierImpl;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import org.keycloak.authentication.authenticators.browser.WebAuthnMetadataService;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.WebAuthnPasswordlessCredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keycloak's passkey credentials, plus a record of every login refused because the passkey's signature counter
 * did not go up. Keycloak (since 26.6.5) stores the counter each login presents and WebAuthn4J refuses one at or
 * below it, after the signature checked out: the real passkey signed, so a copy of the authenticator is in use (or
 * it is faulty). The refusal stays Keycloak's; this makes it visible to auditors and to the resident
 * ({@link CopiedPasskeyAlarm}). Passkeys that never count (synced ones present 0 each time) pass, as before.
 */
public class PasskeyCredentialProvider extends WebAuthnPasswordlessCredentialProvider {

    private final KeycloakSession session;
    private final ObjectConverter converter;
    // The login being checked: isValid is the only caller of the manager, on this session's thread.
    private RealmModel realm;
    private UserModel user;

    PasskeyCredentialProvider(KeycloakSession session, WebAuthnMetadataService metadata, ObjectConverter converter) {
        super(session, metadata, converter);
        this.session = session;
        this.converter = converter;
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        this.realm = realm;
        this.user = user;
        return super.isValid(realm, user, input);
    }

    /**
     * Keycloak's manager, but on the factory's {@link ObjectConverter}: Keycloak builds every login's manager with a new
     * converter, whose fresh Jackson mappers build their deserializers again for each assertion (issue 12: 2.2% of the
     * IdP's CPU in a passkey login, JFR). The converter is thread-safe; the manager stays one per login, as it carries
     * this login's counter handler. The origin check is Keycloak's: the IdP's own origin or one of the realm's extra
     * origins.
     */
    @Override
    protected WebAuthnAuthenticationManager getWebAuthnAuthenticationManager() {
        WebAuthnAuthenticationManager manager = new WebAuthnAuthenticationManager(List.of(), converter);
        Set<Origin> extraOrigins = getWebAuthnPolicy().getExtraOrigins().stream().map(Origin::new)
                .collect(Collectors.toSet());
        manager.getAuthenticationDataVerifier().setOriginVerifier(new OriginVerifierImpl() {
            @Override
            protected void verify(CollectedClientData clientData, ServerProperty server) {
                if (!extraOrigins.contains(clientData.getOrigin())) {
                    super.verify(clientData, server);
                }
            }
        });
        manager.getAuthenticationDataVerifier().setMaliciousCounterValueHandler(this::counterDidNotGoUp);
        return manager;
    }

    private void counterDidNotGoUp(CoreAuthenticationObject login) {
        CoreAuthenticator known = login.getAuthenticator();
        new CopiedPasskeyAlarm(session).raise(realm, user, login.getCredentialId(),
                login.getAuthenticatorData().getSignCount(), known.getCounter());
        // What WebAuthn4J's own handler does: Keycloak turns it into a refused login.
        throw new MaliciousCounterValueException("The passkey's signature counter did not go up: a copy may be in use");
    }
}
