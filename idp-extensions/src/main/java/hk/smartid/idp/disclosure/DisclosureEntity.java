package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * One entry of the disclosure log (table {@code SMARTID_DISCLOSURE}, created by
 * {@code META-INF/changelog/2026-11-25-disclosure-log.xml}, keyed by its id since
 * {@code 2026-11-27-disclosure-merkle-tree.xml}; {@code SEQ} and the hashes only for the old chain's entries).
 *
 * <p>Append-only like the staff audit trail: no setters, every column {@code updatable = false}, and JPA
 * callbacks refusing an update or a removal. What the database itself lets an administrator do is caught by
 * the Merkle tree instead ({@link MerkleTree}; the old entries also by their hash chain, {@link DisclosureChain}). Times are epoch milliseconds; realm, user and consent are
 * plain ids so that removing a user keeps the record of what was disclosed about them.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE")
@NamedQueries({
        @NamedQuery(name = DisclosureEntity.FIND_BY_USER, query = """
                select new hk.smartid.idp.disclosure.Disclosure(d.seq, d.id, d.realmId, d.userId, d.clientId,
                    d.consentId, d.items, d.disclosedAt, d.previousHash, d.entryHash)
                from DisclosureEntity d
                where d.realmId = :realmId and d.userId = :userId
                order by d.disclosedAt desc, d.id desc
                """),
        @NamedQuery(name = DisclosureEntity.FIND_AFTER_SEQ, query = """
                select new hk.smartid.idp.disclosure.Disclosure(d.seq, d.id, d.realmId, d.userId, d.clientId,
                    d.consentId, d.items, d.disclosedAt, d.previousHash, d.entryHash)
                from DisclosureEntity d
                where d.seq is not null and d.seq > :afterSeq
                order by d.seq
                """),
        @NamedQuery(name = DisclosureEntity.FIND_BY_IDS, query = """
                select new hk.smartid.idp.disclosure.Disclosure(d.seq, d.id, d.realmId, d.userId, d.clientId,
                    d.consentId, d.items, d.disclosedAt, d.previousHash, d.entryHash)
                from DisclosureEntity d
                where d.id in :ids
                """),
        @NamedQuery(name = DisclosureEntity.COUNT, query = "select count(d) from DisclosureEntity d")
})
public class DisclosureEntity {

    /** A resident's disclosures, newest first (read as {@link Disclosure}, not managed entities). */
    static final String FIND_BY_USER = "DisclosureEntity.findByUser";
    /** The old hash chain in chain order, a page at a time after a given SEQ (read as {@link Disclosure}). */
    static final String FIND_AFTER_SEQ = "DisclosureEntity.findAfterSeq";
    /** The entries with the given ids (read as {@link Disclosure}). */
    static final String FIND_BY_IDS = "DisclosureEntity.findByIds";
    static final String COUNT = "DisclosureEntity.count";

    @Column(name = "SEQ", updatable = false)
    private Long seq;

    @Id
    @Column(name = "ID", length = 36, nullable = false, updatable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false, updatable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false, updatable = false)
    private String userId;

    @Column(name = "CLIENT_ID", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "CONSENT_ID", length = 36, nullable = false, updatable = false)
    private String consentId;

    @Column(name = "ITEMS", length = 1024, nullable = false, updatable = false)
    private String items;

    @Column(name = "DISCLOSED_AT", nullable = false, updatable = false)
    private long disclosedAt;

    @Column(name = "PREVIOUS_HASH", length = 64, updatable = false)
    private String previousHash;

    @Column(name = "ENTRY_HASH", length = 64, updatable = false)
    private String entryHash;

    /** For JPA only. */
    protected DisclosureEntity() {
    }

    DisclosureEntity(Disclosure entry) {
        this.seq = entry.seq();
        this.id = entry.id();
        this.realmId = entry.realmId();
        this.userId = entry.userId();
        this.clientId = entry.clientId();
        this.consentId = entry.consentId();
        this.items = entry.items();
        this.disclosedAt = entry.disclosedAt();
        this.previousHash = entry.previousHash();
        this.entryHash = entry.entryHash();
    }

    @PreUpdate
    void refuseUpdate() {
        throw new IllegalStateException("The disclosure log is append-only; entry " + id + " cannot be changed");
    }

    @PreRemove
    void refuseRemoval() {
        throw new IllegalStateException("The disclosure log is append-only; entry " + id + " cannot be removed");
    }

    public Long getSeq() {
        return seq;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getUserId() {
        return userId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getConsentId() {
        return consentId;
    }

    public String getItems() {
        return items;
    }

    public long getDisclosedAt() {
        return disclosedAt;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getEntryHash() {
        return entryHash;
    }
}
