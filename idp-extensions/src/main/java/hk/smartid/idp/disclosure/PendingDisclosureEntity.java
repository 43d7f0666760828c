package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An entry appended but not yet a leaf of the Merkle tree (table {@code SMARTID_DISCLOSURE_PENDING}): the append
 * inserts it beside the entry, with no lock; the sequencer ({@link DisclosureLog#sequence}) takes the pending
 * entries in turn, makes them leaves and deletes these rows in the same transaction.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE_PENDING")
@NamedQueries({
        @NamedQuery(name = PendingDisclosureEntity.OLDEST, query = """
                select new hk.smartid.idp.disclosure.Disclosure(d.seq, d.id, d.realmId, d.userId, d.clientId,
                    d.consentId, d.items, d.disclosedAt, d.previousHash, d.entryHash)
                from PendingDisclosureEntity p, DisclosureEntity d
                where d.id = p.disclosureId
                order by p.disclosedAt, p.disclosureId
                """),
        @NamedQuery(name = PendingDisclosureEntity.ALL, query = """
                select p from PendingDisclosureEntity p order by p.disclosedAt, p.disclosureId
                """),
        @NamedQuery(name = PendingDisclosureEntity.REMOVE, query = """
                delete from PendingDisclosureEntity p where p.disclosureId in :ids
                """)
})
public class PendingDisclosureEntity {

    /** The pending entries that still have their entry, oldest first (read as {@link Disclosure}). */
    static final String OLDEST = "PendingDisclosureEntity.oldest";
    static final String ALL = "PendingDisclosureEntity.all";
    static final String REMOVE = "PendingDisclosureEntity.remove";

    @Id
    @Column(name = "DISCLOSURE_ID", length = 36)
    private String disclosureId;

    @Column(name = "DISCLOSED_AT", nullable = false)
    private long disclosedAt;

    /** For JPA only. */
    protected PendingDisclosureEntity() {
    }

    PendingDisclosureEntity(Disclosure entry) {
        this.disclosureId = entry.id();
        this.disclosedAt = entry.disclosedAt();
    }

    String getDisclosureId() {
        return disclosureId;
    }

    long getDisclosedAt() {
        return disclosedAt;
    }
}
