package hk.smartid.portal.applications;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A resident's application for an e-service: its values as submitted, its status and the history of its statuses.
 * Made and changed only through {@link Applications}; the id is a random UUID (it appears in URLs), the
 * {@link ApplicationReference reference} what people quote. Times are kept in UTC.
 */
@Entity
@Table(name = "application")
public class Application {

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String reference;

    @Column(name = "resident_subject", nullable = false)
    private String residentSubject;

    @Column(name = "service_id", nullable = false)
    private String serviceId;

    @Column(name = "department_id", nullable = false)
    private String departmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    /** What the service cost when applied for, in HKD; 0 when free. */
    @Column(name = "fee_hkd", nullable = false)
    private long feeHkd;

    /** The language tag the resident applied in ({@code en}, {@code zh-HK}, {@code zh-CN}). */
    @Column(nullable = false)
    private String language;

    @Column(name = "submission_key", nullable = false)
    private String submissionKey;

    @Column(name = "submitted_at", nullable = false)
    private LocalDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** Optimistic locking: of two changes made from the same status at once, the second fails and changes nothing. */
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "application_value", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<SubmittedValue> values = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<ApplicationStatusChange> history = new ArrayList<>();

    protected Application() {
        // JPA
    }

    Application(String residentSubject, String serviceId, String departmentId, long feeHkd, String language,
                String submissionKey, List<SubmittedValue> values, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.reference = ApplicationReference.next();
        this.residentSubject = residentSubject;
        this.serviceId = serviceId;
        this.departmentId = departmentId;
        this.feeHkd = feeHkd;
        this.language = language;
        this.submissionKey = submissionKey;
        this.values = new ArrayList<>(values);
        this.submittedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        this.updatedAt = submittedAt;
    }

    /** Sets the status and appends it to the history. */
    ApplicationStatusChange moveTo(ApplicationStatus to, ApplicationActor actor, String note, Instant at) {
        ApplicationStatusChange change = new ApplicationStatusChange(this, history.size(), to, at, actor, note);
        history.add(change);
        status = to;
        updatedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return change;
    }

    public String getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getResidentSubject() {
        return residentSubject;
    }

    public String getServiceId() {
        return serviceId;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public long getFeeHkd() {
        return feeHkd;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public Instant getSubmittedAt() {
        return submittedAt.toInstant(ZoneOffset.UTC);
    }

    public Instant getUpdatedAt() {
        return updatedAt.toInstant(ZoneOffset.UTC);
    }

    public long getVersion() {
        return version;
    }

    /** The submitted values in the form's order. */
    public List<SubmittedValue> getValues() {
        return List.copyOf(values);
    }

    /** Every status the application had, oldest first. */
    public List<ApplicationStatusChange> getHistory() {
        return List.copyOf(history);
    }
}
