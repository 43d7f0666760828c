package hk.smartid.idp.passkey;

import org.keycloak.WebAuthnConstants;
import org.keycloak.common.util.Base64Url;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;

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
        PasskeyDirectory.passkeyOf(user, accepted).map(CredentialModel::getId).ifPresent(credentialId -> new PasskeyUseLog(session)
                .used(realm.getId(), user.getId(), credentialId, Instant.ofEpochMilli(event.getTime())));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
