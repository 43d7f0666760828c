package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The consents residents gave banks (table SMARTID_CONSENT, docs/banking-made-easy.md).
 *
 * <p>Works in the Keycloak session's JPA transaction: changes are committed with the request.
 */
public final class ConsentLedger {

    private final KeycloakSession session;

    public ConsentLedger(KeycloakSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Records an approval; an earlier active consent for the same bank and purpose is revoked by it. */
    public Consent grant(RealmModel realm, UserModel user, String clientId, String purpose, List<DataItem> items,
                         Instant expiresAt) {
        Instant now = Instant.now();
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("A consent must expire after it is granted");
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A consent names at least one data item");
        }
        // Locked so that two approvals sent at once (two tabs) leave one consent in force, not two.
        em().createNamedQuery(ConsentEntity.FIND_IN_FORCE_FOR_PURPOSE, ConsentEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .setParameter("clientId", clientId)
                .setParameter("purpose", purpose)
                .setParameter("now", now.toEpochMilli())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(earlier -> earlier.revokeAt(now.toEpochMilli()));
        ConsentEntity entity = new ConsentEntity(UUID.randomUUID().toString(), realm.getId(), user.getId(), clientId,
                purpose, scopesOf(items), now.toEpochMilli(), expiresAt.toEpochMilli());
        em().persist(entity);
        return consentOf(entity);
    }

    /** The consent in force for this resident and bank at {@code now}: not revoked, not expired. */
    public Optional<Consent> activeConsent(RealmModel realm, UserModel user, String clientId, Instant now) {
        return em().createNamedQuery(ConsentEntity.FIND_IN_FORCE_FOR_CLIENT, ConsentEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .setParameter("clientId", clientId)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(ConsentLedger::consentOf);
    }

    /**
     * The consent {@code consentId} if it is this resident's, given to this bank, and in force at {@code now}; empty
     * when it is someone else's, another bank's, revoked, expired or unknown.
     */
    public Optional<Consent> consentInForce(RealmModel realm, UserModel user, String clientId, String consentId,
                                            Instant now) {
        return Optional.ofNullable(em().find(ConsentEntity.class, consentId))
                .filter(entity -> entity.getRealmId().equals(realm.getId()) && entity.getUserId().equals(user.getId())
                        && entity.getClientId().equals(clientId))
                .map(ConsentLedger::consentOf)
                .filter(consent -> consent.statusAt(now) == Consent.Status.ACTIVE);
    }

    /** Every consent the resident ever gave, newest first. */
    public List<Consent> consentsOf(RealmModel realm, UserModel user) {
        return em().createNamedQuery(ConsentEntity.FIND_BY_USER, ConsentEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .getResultStream()
                .map(ConsentLedger::consentOf)
                .toList();
    }

    /** Revokes the resident's consent; empty when no such consent of theirs exists. */
    public Optional<Consent> revoke(RealmModel realm, UserModel user, String consentId, Instant now) {
        return em().createNamedQuery(ConsentEntity.FIND_BY_ID_OF_USER, ConsentEntity.class)
                .setParameter("id", consentId)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .getResultStream()
                .findFirst()
                .map(entity -> {
                    entity.revokeAt(now.toEpochMilli());
                    return consentOf(entity);
                });
    }

    static String scopesOf(List<DataItem> items) {
        return items.stream().map(DataItem::scope).distinct().collect(Collectors.joining(" "));
    }

    /** Items whose scope is no longer a data item (none today) are left out rather than failing the list. */
    static List<DataItem> itemsOf(String scopes) {
        return Arrays.stream(scopes.trim().split("\\s+"))
                .map(DataItem::ofScope)
                .flatMap(Optional::stream)
                .toList();
    }

    static Consent consentOf(ConsentEntity entity) {
        return new Consent(entity.getId(), entity.getUserId(), entity.getClientId(), entity.getPurpose(),
                itemsOf(entity.getItems()), Instant.ofEpochMilli(entity.getGrantedAt()),
                Instant.ofEpochMilli(entity.getExpiresAt()),
                entity.getRevokedAt() == null ? null : Instant.ofEpochMilli(entity.getRevokedAt()));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
