package hk.smartid.idp.passkey;

import org.keycloak.WebAuthnConstants;
import org.keycloak.common.util.Base64;
import org.keycloak.common.util.Base64Url;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Records when a passkey logs its holder in. Keycloak's passkey authenticator names the WebAuthn credential it
 * accepted in the login event ({@value WebAuthnConstants#PUBKEY_CRED_ID_ATTR}, base64url, with the user
 * verification flag); a login from an existing session names none and is not a use of a passkey, nor is
 * registering one.
 */
public class PasskeyUseListener implements EventListenerProvider {

    private final KeycloakSession session;

    PasskeyUseListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getDetails() == null || event.getUserId() == null) {
            return;
        }
        String webAuthnId = event.getDetails().get(WebAuthnConstants.PUBKEY_CRED_ID_ATTR);
        // Registering a passkey names it in the same detail, with its label and without the verification flag.
        if (webAuthnId == null || !event.getDetails().containsKey(WebAuthnConstants.USER_VERIFICATION_CHECKED)
                || event.getDetails().containsKey(WebAuthnConstants.PUBKEY_CRED_LABEL_ATTR)) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        byte[] accepted = Base64Url.decode(webAuthnId);
        credentialIdOf(user, accepted).ifPresent(credentialId -> new PasskeyUseLog(session)
                .used(realm.getId(), user.getId(), credentialId, Instant.ofEpochMilli(event.getTime())));
    }

    /** Keycloak's id of the passkey whose WebAuthn credential id is {@code webAuthnId} (stored standard Base64). */
    private static Optional<String> credentialIdOf(UserModel user, byte[] webAuthnId) {
        return user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_PASSWORDLESS)
                .filter(credential -> Arrays.equals(webAuthnId, decode(WebAuthnCredentialModel
                        .createFromCredentialModel(credential).getWebAuthnCredentialData().getCredentialId())))
                .map(CredentialModel::getId)
                .findFirst();
    }

    private static byte[] decode(String standardBase64) {
        try {
            return Base64.decode(standardBase64);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored passkey has an unreadable credential id", e);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
