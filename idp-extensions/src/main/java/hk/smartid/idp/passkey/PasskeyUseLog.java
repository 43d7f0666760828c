package hk.smartid.idp.passkey;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When each of a resident's passkeys last logged them in. Works in the Keycloak session's JPA transaction.
 */
final class PasskeyUseLog {

    private final KeycloakSession session;

    PasskeyUseLog(KeycloakSession session) {
        this.session = session;
    }

    /** Notes that the passkey with Keycloak credential id {@code credentialId} logged its holder in at {@code at}. */
    void used(String realmId, String userId, String credentialId, Instant at) {
        EntityManager em = em();
        PasskeyUseEntity use = em.find(PasskeyUseEntity.class, credentialId);
        if (use == null) {
            use = new PasskeyUseEntity();
            use.setCredentialId(credentialId);
            use.setRealmId(realmId);
            use.setUserId(userId);
            use.setLastUsedAt(at.toEpochMilli());
            em.persist(use);
        } else if (use.getLastUsedAt() < at.toEpochMilli()) {
            use.setLastUsedAt(at.toEpochMilli());
        }
    }

    /** Keycloak credential id to last use, for the passkeys of {@code user} that were ever used. */
    Map<String, Instant> lastUses(RealmModel realm, UserModel user) {
        return em().createNamedQuery(PasskeyUseEntity.FIND_BY_USER, PasskeyUseEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .getResultStream()
                .collect(Collectors.toMap(PasskeyUseEntity::getCredentialId, use -> Instant.ofEpochMilli(use.getLastUsedAt())));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
