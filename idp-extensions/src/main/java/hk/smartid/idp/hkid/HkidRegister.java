package hk.smartid.idp.hkid;

import hk.smartid.idp.realm.ResidentAttribute;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Objects;
import java.util.Optional;

/**
 * The register of HKID numbers ({@link HkidClaimEntity}): an HKID number belongs to at most one account.
 * Everything that gives an account a number claims it here in the same transaction, so the claim and the
 * account are committed or rolled back together.
 */
public final class HkidRegister {

    private final KeycloakSession session;

    public HkidRegister(KeycloakSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Claims {@code number} for {@code holder} and writes the claim at once, so that a number another account
     * holds, or that a concurrent transaction has just claimed, is found now rather than at commit. A claim
     * pending in another transaction makes this one wait until that transaction ends.
     *
     * @return {@code false} if another account holds the number. The session's transaction has then failed:
     *     the caller must roll it back ({@code setRollbackOnly}) and record anything else in a new transaction.
     */
    public boolean claim(RealmModel realm, UserModel holder, HkidNumber number) {
        EntityManager em = em();
        // Write what the request changed so far first, so that the flush below can fail only on the claim.
        em.flush();
        HkidClaimEntity claim = new HkidClaimEntity();
        claim.setHkidNumber(number.toString());
        claim.setRealmId(realm.getId());
        claim.setUserId(holder.getId());
        try {
            em.persist(claim);
            em.flush();
            return true;
        } catch (ModelDuplicateException e) {
            // Keycloak's entity manager reports the primary key violation (SQLSTATE 23505) this way.
            return false;
        }
    }

    /** The id of the account holding {@code number}, if one does. */
    public Optional<String> holderOf(HkidNumber number) {
        return Optional.ofNullable(em().find(HkidClaimEntity.class, number.toString())).map(HkidClaimEntity::getUserId);
    }

    /**
     * The account of {@code realm} whose number is {@code number}. The register's primary key finds it in one indexed
     * read, and the account then comes from Keycloak's user cache; Keycloak's search by attribute would query the
     * attribute table every time, which grows with every resident. An account whose number was changed outside the
     * register (e.g. in the admin console) is still found by that search.
     */
    public Optional<UserModel> holderIn(RealmModel realm, HkidNumber number) {
        String value = number.toString();
        HkidClaimEntity claim = em().find(HkidClaimEntity.class, value);
        UserModel holder = claim == null || !realm.getId().equals(claim.getRealmId()) ? null
                : session.users().getUserById(realm, claim.getUserId());
        if (holder != null && value.equals(holder.getFirstAttribute(ResidentAttribute.HKID_NUMBER))) {
            return Optional.of(holder);
        }
        return session.users().searchForUserByUserAttributeStream(realm, ResidentAttribute.HKID_NUMBER, value).findFirst();
    }

    /** Frees the numbers of an account that is being removed, so that the person can be enrolled again. */
    public void release(RealmModel realm, UserModel holder) {
        em().createNamedQuery(HkidClaimEntity.DELETE_BY_USER)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", holder.getId())
                .executeUpdate();
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
