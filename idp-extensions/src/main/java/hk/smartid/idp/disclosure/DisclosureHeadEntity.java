package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The end of the hash chain the disclosure log was until the Merkle tree (table {@code SMARTID_DISCLOSURE_HEAD}, one
 * row with {@code ID = 1}): appends locked it to take turns until changelog {@code 2026-11-27-disclosure-merkle-tree};
 * it no longer moves, and tells the check of the old chain where that chain ends, so that entries cut off its end are
 * noticed too.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE_HEAD")
@NamedQuery(name = DisclosureHeadEntity.READ, query = """
        select new hk.smartid.idp.disclosure.ChainHead(h.lastSeq, h.lastHash)
        from DisclosureHeadEntity h where h.id = 1
        """)
public class DisclosureHeadEntity {

    /** The head's current values, read from the database. */
    static final String READ = "DisclosureHeadEntity.read";

    static final int THE_HEAD = 1;

    @Id
    @Column(name = "ID")
    private int id;

    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;

    @Column(name = "LAST_HASH", length = 64, nullable = false)
    private String lastHash;

    /** For JPA only. */
    protected DisclosureHeadEntity() {
    }

    long getLastSeq() {
        return lastSeq;
    }

    String getLastHash() {
        return lastHash;
    }

    void advanceTo(Disclosure entry) {
        this.lastSeq = entry.seq();
        this.lastHash = entry.entryHash();
    }
}
