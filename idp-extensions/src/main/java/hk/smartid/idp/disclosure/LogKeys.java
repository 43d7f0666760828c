package hk.smartid.idp.disclosure;

import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keys the disclosure log signs with: the active ES256 key of the log's realm ({@code smartid}; Keycloak
 * generates it at the realm's creation and keeps it in its database, never in the repository), and every ES256
 * key of that realm to check older heads and receipts by their {@code kid}. The log id names the realm, not a key,
 * so that it survives a key rotation.
 *
 * @param logId RFC 9162's log id, here {@code smartid-disclosure-log:<realm name>}
 */
public record LogKeys(String logId, ECPrivateKey signingKey, String kid, Function<String, ECPublicKey> publicKeys) {

    /** The realm whose key signs the log, one log for every realm of the IdP as the old chain was. */
    public static final String LOG_REALM = "smartid";

    /** The log realm's keys, or nothing when that realm or its ES256 key is missing. */
    public static Optional<LogKeys> of(KeycloakSession session) {
        RealmModel realm = session.realms().getRealmByName(LOG_REALM);
        if (realm == null) {
            return Optional.empty();
        }
        KeyWrapper active = session.keys().getActiveKey(realm, KeyUse.SIG, "ES256");
        if (active == null || !(active.getPrivateKey() instanceof ECPrivateKey signing)) {
            return Optional.empty();
        }
        return Optional.of(new LogKeys("smartid-disclosure-log:" + LOG_REALM, signing, active.getKid(), kid -> {
            KeyWrapper key = session.keys().getKey(realm, kid, KeyUse.SIG, "ES256");
            return key != null && key.getPublicKey() instanceof ECPublicKey publicKey ? publicKey : null;
        }));
    }
}
