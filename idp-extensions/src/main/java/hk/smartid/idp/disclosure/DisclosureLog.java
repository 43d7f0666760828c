package hk.smartid.idp.disclosure;

import hk.smartid.idp.bank.DataItem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The log of every disclosure of a resident's data to a bank (docs/banking-made-easy.md): one global hash chain
 * ({@link DisclosureChain}), appended in the given session's transaction.
 *
 * <p>An append holds the head row's write lock until that transaction ends, so concurrent disclosures wait for
 * each other: the person-data API appends in a short transaction of its own, committed before it answers.
 */
public class DisclosureLog {

    /** Entries read per query when checking the chain, so a long log never sits in memory whole. */
    static final int VERIFY_PAGE = 1000;

    private final KeycloakSession session;

    public DisclosureLog(KeycloakSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Appends the disclosure {@code id} (the person-data response's {@code jti}) and returns the entry written. */
    public Disclosure append(RealmModel realm, UserModel user, String id, String clientId, String consentId,
                             List<DataItem> items, Instant at) {
        EntityManager em = em();
        DisclosureHeadEntity head = em.find(DisclosureHeadEntity.class, DisclosureHeadEntity.THE_HEAD,
                LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("SMARTID_DISCLOSURE_HEAD has no row; the changelog inserts it");
        }
        Disclosure entry = DisclosureChain.next(head.getLastSeq(), head.getLastHash(), id, realm.getId(), user.getId(),
                clientId, consentId, items.stream().map(DataItem::scope).collect(Collectors.joining(" ")), at.toEpochMilli());
        em.persist(new DisclosureEntity(entry));
        head.advanceTo(entry);
        return entry;
    }

    /** The resident's disclosures, newest first. */
    public List<Disclosure> disclosuresOf(RealmModel realm, UserModel user) {
        return em().createNamedQuery(DisclosureEntity.FIND_BY_USER, Disclosure.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .getResultList();
    }

    /** Walks the whole chain by SEQ and reports the first broken entry, if any. */
    public DisclosureChain.ChainVerification verify() {
        EntityManager em = em();
        ChainHead atStart = head(em);
        DisclosureChain chain = new DisclosureChain();
        long after = 0;
        List<Disclosure> page;
        do {
            page = em.createNamedQuery(DisclosureEntity.FIND_AFTER_SEQ, Disclosure.class)
                    .setParameter("afterSeq", after)
                    .setMaxResults(VERIFY_PAGE)
                    .getResultList();
            for (Disclosure entry : page) {
                chain.check(entry);
                after = entry.seq();
            }
        } while (page.size() == VERIFY_PAGE);
        return chain.end(atStart, head(em));
    }

    /** The head row as committed now (a query, not the persistence context's copy). */
    private static ChainHead head(EntityManager em) {
        return em.createNamedQuery(DisclosureHeadEntity.READ, ChainHead.class).getSingleResult();
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
