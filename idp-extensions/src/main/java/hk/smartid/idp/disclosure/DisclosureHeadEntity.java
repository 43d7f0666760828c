package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The end of the disclosure chain (table {@code SMARTID_DISCLOSURE_HEAD}, one row with {@code ID = 1},
 * inserted by the changelog with SEQ 0 and 64 zeros). An append locks this row for writing, so appends from
 * concurrent requests (and Keycloak nodes) take turns and form one gapless chain; a plain row lock is the
 * one mechanism H2 and PostgreSQL share. It also tells the chain check where the log should end, so that
 * entries cut off the end are noticed too.
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
