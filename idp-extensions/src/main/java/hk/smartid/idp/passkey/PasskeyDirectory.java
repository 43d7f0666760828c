package hk.smartid.idp.passkey;

import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Base64;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds which account a passkey (WebAuthn credential id) is bound to. Keycloak looks credentials up only
 * per user; a national identity must also know that a credential belongs to nobody else.
 */
final class PasskeyDirectory {

    private final KeycloakSession session;

    PasskeyDirectory(KeycloakSession session) {
        this.session = session;
    }

    /** The id of the user in {@code realm} who holds a passkey with this credential id, if any. */
    Optional<String> holderOf(RealmModel realm, byte[] credentialId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // Keycloak stores the id standard-Base64 encoded inside the credential's JSON data; Base64 has no
        // LIKE wildcards, so the pattern matches exactly that id.
        String pattern = "%\"credentialId\":\"" + Base64.encodeBytes(credentialId) + "\"%";
        List<String> holders = em.createQuery("""
                        select c.user.id from CredentialEntity c
                        where c.user.realmId = :realmId and c.type in (:types) and c.credentialData like :pattern
                        """, String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("types", List.of(WebAuthnCredentialModel.TYPE_PASSWORDLESS, WebAuthnCredentialModel.TYPE_TWOFACTOR))
                .setParameter("pattern", pattern)
                .setMaxResults(1)
                .getResultList();
        return holders.stream().findFirst();
    }

    /** The passkey of {@code user} whose WebAuthn credential id is {@code webAuthnId} (Keycloak stores it standard-Base64). */
    static Optional<CredentialModel> passkeyOf(UserModel user, byte[] webAuthnId) {
        return user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_PASSWORDLESS)
                .filter(credential -> Arrays.equals(webAuthnId, decode(WebAuthnCredentialModel
                        .createFromCredentialModel(credential).getWebAuthnCredentialData().getCredentialId())))
                .findFirst();
    }

    private static byte[] decode(String standardBase64) {
        try {
            return Base64.decode(standardBase64);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored passkey has an unreadable credential id", e);
        }
    }
}
