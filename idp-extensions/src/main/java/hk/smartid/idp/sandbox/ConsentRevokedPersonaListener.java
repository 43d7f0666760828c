package hk.smartid.idp.sandbox;

import hk.smartid.idp.consent.ConsentLedger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;

/**
 * The sandbox persona "consent revoked": as soon as a business has redeemed its code, the persona withdraws the
 * consent it just gave, as a resident would in My data sharing. The business's next person-data call is then
 * refused, which is the answer it must learn to handle.
 */
public class ConsentRevokedPersonaListener implements EventListenerProvider {

    private final KeycloakSession session;

    ConsentRevokedPersonaListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.CODE_TO_TOKEN || event.getUserId() == null || event.getClientId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (!SandboxRealm.is(realm)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, event.getUserId());
        if (user == null || SandboxRealm.persona(session, realm, user.getUsername())
                .filter(persona -> SandboxRealm.CONSENT_REVOKED.equals(persona.getUsername())).isEmpty()) {
            return;
        }
        ConsentLedger consents = new ConsentLedger(session);
        Instant now = Instant.ofEpochMilli(event.getTime());
        consents.activeConsent(realm, user, event.getClientId(), now)
                .ifPresent(consent -> consents.revoke(realm, user, consent.id(), now));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
