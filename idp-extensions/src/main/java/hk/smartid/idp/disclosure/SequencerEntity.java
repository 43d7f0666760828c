package hk.smartid.idp.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row ({@code ID = 1}) of {@code SMARTID_DISCLOSURE_SEQUENCER}: how many leaves the tree has. Only the
 * sequencer locks it for writing, so one node at a time (of any number sharing the database) builds the next head;
 * appends never touch it.
 */
@Entity
@Table(name = "SMARTID_DISCLOSURE_SEQUENCER")
public class SequencerEntity {

    static final int THE_SEQUENCER = 1;

    @Id
    @Column(name = "ID")
    private int id;

    @Column(name = "TREE_SIZE", nullable = false)
    private long treeSize;

    /** For JPA only. */
    protected SequencerEntity() {
    }

    long getTreeSize() {
        return treeSize;
    }

    void grownTo(long treeSize) {
        this.treeSize = treeSize;
    }
}
