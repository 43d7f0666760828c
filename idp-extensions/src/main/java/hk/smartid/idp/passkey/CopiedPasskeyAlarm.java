package hk.smartid.idp.passkey;

import hk.smartid.idp.audit.StaffAction;
import hk.smartid.idp.audit.StaffActionOutcome;
import hk.smartid.idp.audit.StaffAuditTrail;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A passkey login refused because its signature counter did not go up, written to the audit trail as
 * {@link StaffAction#PASSKEY_COUNTER_REFUSED} by the IdP itself: auditors read it there, and the resident sees it
 * in their account activity. Written in the login's transaction, which Keycloak commits with the refusal.
 */
final class CopiedPasskeyAlarm {

    private final KeycloakSession session;

    CopiedPasskeyAlarm(KeycloakSession session) {
        this.session = session;
    }

    void raise(RealmModel realm, UserModel user, byte[] webAuthnId, long presented, long lastSeen) {
        String passkey = PasskeyDirectory.passkeyOf(user, webAuthnId).map(CredentialModel::getId).orElse("unknown");
        new StaffAuditTrail(session).record(realm, StaffAction.PASSKEY_COUNTER_REFUSED, StaffAuditTrail.IDP_ITSELF,
                StaffAuditTrail.IDP_ITSELF, StaffAuditTrail.ONLINE, user.getId(), StaffActionOutcome.REFUSED,
                "passkey " + passkey + ": signature counter " + presented + " presented, " + lastSeen + " seen before");
    }
}
