package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * A complete subtree of the Merkle tree above the leaves (table {@code SMARTID_DISCLOSURE_NODE}): the hash of the
 * leaves {@code [index * 2^level, (index + 1) * 2^level)}, written once when its last leaf arrives, so that a
 * proof reads one row per level instead of every leaf.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE_NODE")
@IdClass(DisclosureNodeEntity.Key.class)
@NamedQuery(name = DisclosureNodeEntity.AT_LEVEL, query = """
        select n from DisclosureNodeEntity n where n.level = :level and n.index >= :from and n.index < :to
        """)
public class DisclosureNodeEntity {

    static final String AT_LEVEL = "smartidDisclosureNodesAtLevel";

    @Id
    @Column(name = "NODE_LEVEL")
    private int level;

    @Id
    @Column(name = "NODE_INDEX")
    private long index;

    @Column(name = "NODE_HASH", length = 64, nullable = false, updatable = false)
    private String hash;

    /** For JPA only. */
    protected DisclosureNodeEntity() {
    }

    DisclosureNodeEntity(int level, long index, String hash) {
        this.level = level;
        this.index = index;
        this.hash = hash;
    }

    String getHash() {
        return hash;
    }

    long getIndex() {
        return index;
    }

    /** The primary key (level, index). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private int level;
        private long index;

        public Key() {
        }

        Key(int level, long index) {
            this.level = level;
            this.index = index;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.level == level && key.index == index;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(index) * 31 + level;
        }
    }
}
