package hk.smartid.idp.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rules the first node of a running cluster started with (table {@code SMARTID_NODE_RULES}), see {@link NodeRules}. */
@Entity
@Table(name = "SMARTID_NODE_RULES")
public class NodeRulesEntity {

    @Id
    @Column(name = "CLUSTER_STARTED_AT", updatable = false)
    private int clusterStartedAt;

    @Column(name = "FINGERPRINT", length = 64, nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "RECORDED_BY", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false, updatable = false)
    private long recordedAt;

    /** For JPA only. */
    protected NodeRulesEntity() {
    }

    NodeRulesEntity(int clusterStartedAt, String fingerprint, String recordedBy, long recordedAt) {
        this.clusterStartedAt = clusterStartedAt;
        this.fingerprint = fingerprint;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    String fingerprint() {
        return fingerprint;
    }

    String recordedBy() {
        return recordedBy;
    }
}
