package hk.smartid.idp.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * One line of the staff audit trail (table {@code SMARTID_STAFF_AUDIT}, created by
 * {@code META-INF/changelog/2026-11-25-enrolment-tables.xml}).
 *
 * <p>The trail is append-only: what staff did with residents' identities must not be quietly rewritten
 * afterwards, not even by our own code. Hence no setters, every column {@code updatable = false}, and
 * JPA callbacks that refuse an update or a removal through the entity manager. Times are epoch
 * milliseconds; realm, staff and resident are plain ids so that removing a user keeps their trail.
 */
@Entity
@Table(name = "SMARTID_STAFF_AUDIT")
@NamedQueries({
        @NamedQuery(name = StaffAuditEntity.FIND_RECENT_BY_REALM, query = """
                select a from StaffAuditEntity a
                where a.realmId = :realmId
                order by a.occurredAt desc, a.id desc
                """),
        @NamedQuery(name = StaffAuditEntity.FIND_RECENT_ABOUT_RESIDENT, query = """
                select a from StaffAuditEntity a
                where a.realmId = :realmId and a.residentId = :residentId and a.action = :action
                order by a.occurredAt desc, a.id desc
                """)
})
public class StaffAuditEntity {

    /** The realm's lines, newest first. */
    static final String FIND_RECENT_BY_REALM = "StaffAuditEntity.findRecentByRealm";
    /** One resident's lines of one action, newest first. */
    static final String FIND_RECENT_ABOUT_RESIDENT = "StaffAuditEntity.findRecentAboutResident";

    @Id
    @Column(name = "ID", length = 36, updatable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false, updatable = false)
    private String realmId;

    @Column(name = "OCCURRED_AT", nullable = false, updatable = false)
    private long occurredAt;

    @Column(name = "STAFF_ID", nullable = false, updatable = false)
    private String staffId;

    @Column(name = "STAFF_USERNAME", nullable = false, updatable = false)
    private String staffUsername;

    @Column(name = "BRANCH", nullable = false, updatable = false)
    private String branch;

    @Column(name = "ACTION", length = 36, nullable = false, updatable = false)
    private String action;

    @Column(name = "RESIDENT_ID", length = 36, updatable = false)
    private String residentId;

    @Column(name = "OUTCOME", length = 36, nullable = false, updatable = false)
    private String outcome;

    @Column(name = "DETAIL", updatable = false)
    private String detail;

    /** For JPA only. */
    protected StaffAuditEntity() {
    }

    StaffAuditEntity(String id, String realmId, long occurredAt, String staffId, String staffUsername, String branch,
                     String action, String residentId, String outcome, String detail) {
        this.id = id;
        this.realmId = realmId;
        this.occurredAt = occurredAt;
        this.staffId = staffId;
        this.staffUsername = staffUsername;
        this.branch = branch;
        this.action = action;
        this.residentId = residentId;
        this.outcome = outcome;
        this.detail = detail;
    }

    @PreUpdate
    void refuseUpdate() {
        throw new IllegalStateException("The staff audit trail is append-only; line " + id + " cannot be changed");
    }

    @PreRemove
    void refuseRemoval() {
        throw new IllegalStateException("The staff audit trail is append-only; line " + id + " cannot be removed");
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public long getOccurredAt() {
        return occurredAt;
    }

    public String getStaffId() {
        return staffId;
    }

    public String getStaffUsername() {
        return staffUsername;
    }

    public String getBranch() {
        return branch;
    }

    public String getAction() {
        return action;
    }

    public String getResidentId() {
        return residentId;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
