package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A leaf of the disclosure log's Merkle tree (table {@code SMARTID_DISCLOSURE_LEAF}): the entry at each index and
 * the leaf hash the tree was built from. Written once by the sequencer, never changed.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE_LEAF")
@NamedQueries({
        @NamedQuery(name = DisclosureLeafEntity.FROM_INDEX, query = """
                select l from DisclosureLeafEntity l where l.leafIndex >= :from and l.leafIndex < :to order by l.leafIndex
                """),
        @NamedQuery(name = DisclosureLeafEntity.OF_DISCLOSURES, query = """
                select l from DisclosureLeafEntity l where l.disclosureId in :ids
                """)
})
public class DisclosureLeafEntity {

    /** The leaves in {@code [from, to)}, in tree order. */
    static final String FROM_INDEX = "DisclosureLeafEntity.fromIndex";
    static final String OF_DISCLOSURES = "DisclosureLeafEntity.ofDisclosures";

    @Id
    @Column(name = "LEAF_INDEX")
    private long leafIndex;

    @Column(name = "DISCLOSURE_ID", length = 36, nullable = false, updatable = false)
    private String disclosureId;

    @Column(name = "LEAF_HASH", length = 64, nullable = false, updatable = false)
    private String leafHash;

    /** For JPA only. */
    protected DisclosureLeafEntity() {
    }

    DisclosureLeafEntity(long leafIndex, String disclosureId, String leafHash) {
        this.leafIndex = leafIndex;
        this.disclosureId = disclosureId;
        this.leafHash = leafHash;
    }

    long getLeafIndex() {
        return leafIndex;
    }

    String getDisclosureId() {
        return disclosureId;
    }

    String getLeafHash() {
        return leafHash;
    }
}
