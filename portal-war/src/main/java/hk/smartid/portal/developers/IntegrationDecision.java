package hk.smartid.portal.developers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An approver's decision on a request to go live, or a disable or enable of the live client (by an approver or the
 * business itself), kept for good (never changed or deleted): who (subject and name), what, when and why. The
 * integration's state only says the latest.
 */
@Entity
@Table(name = "developer_integration_decision")
@NamedQuery(name = IntegrationDecision.OF_INTEGRATION,
        query = "SELECT d FROM IntegrationDecision d WHERE d.integrationId = :integration ORDER BY d.decidedAt")
public class IntegrationDecision {

    static final String OF_INTEGRATION = "IntegrationDecision.ofIntegration";

    /** What was decided. */
    public enum Decision { APPROVED, REFUSED, DISABLED, ENABLED }

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "integration_id", nullable = false)
    private String integrationId;

    @Column(name = "decision", nullable = false)
    private String decision;

    @Column(name = "approver_subject", nullable = false)
    private String approverSubject;

    @Column(name = "approver_name", nullable = false)
    private String approverName;

    @Column(name = "reason")
    private String reason;

    @Column(name = "decided_at", nullable = false)
    private LocalDateTime decidedAt;

    protected IntegrationDecision() {
        // JPA
    }

    IntegrationDecision(String id, String integrationId, Decision decision, String approverSubject, String approverName,
                        String reason, Instant at) {
        this.id = id;
        this.integrationId = integrationId;
        this.decision = decision.name();
        this.approverSubject = approverSubject;
        this.approverName = approverName;
        this.reason = reason;
        this.decidedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public Decision getDecision() {
        return Decision.valueOf(decision);
    }

    public String getApproverSubject() {
        return approverSubject;
    }

    public String getApproverName() {
        return approverName;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDecidedAt() {
        return decidedAt.toInstant(ZoneOffset.UTC);
    }
}
