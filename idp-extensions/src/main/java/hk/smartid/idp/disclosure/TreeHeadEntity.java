package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Every signed tree head the log has published (table {@code SMARTID_DISCLOSURE_TREE_HEAD}), keyed by its tree size:
 * a second node building the same head would fail on the key. {@code SIGNED_HEAD} is the JWS; the other columns
 * repeat what it signs, to query by.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE_TREE_HEAD")
@NamedQueries({
        @NamedQuery(name = TreeHeadEntity.IN_ORDER, query = "select h from TreeHeadEntity h order by h.treeSize"),
        @NamedQuery(name = TreeHeadEntity.LATEST, query = "select h from TreeHeadEntity h order by h.treeSize desc")
})
public class TreeHeadEntity {

    static final String IN_ORDER = "TreeHeadEntity.inOrder";
    static final String LATEST = "TreeHeadEntity.latest";

    @Id
    @Column(name = "TREE_SIZE")
    private long treeSize;

    @Column(name = "ROOT_HASH", length = 64, nullable = false, updatable = false)
    private String rootHash;

    @Column(name = "SIGNED_AT", nullable = false, updatable = false)
    private long signedAt;

    @Column(name = "SIGNED_HEAD", length = 2048, nullable = false, updatable = false)
    private String signedHead;

    /** For JPA only. */
    protected TreeHeadEntity() {
    }

    TreeHeadEntity(long treeSize, String rootHash, long signedAt, String signedHead) {
        this.treeSize = treeSize;
        this.rootHash = rootHash;
        this.signedAt = signedAt;
        this.signedHead = signedHead;
    }

    long getTreeSize() {
        return treeSize;
    }

    String getRootHash() {
        return rootHash;
    }

    String getSignedHead() {
        return signedHead;
    }
}
