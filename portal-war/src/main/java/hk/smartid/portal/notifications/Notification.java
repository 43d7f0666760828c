package hk.smartid.portal.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * One message to a resident: an application of theirs reached a status. Only facts are kept (which application,
 * which service, which status, when); the words are made from the bundles in the reader's language when it is read
 * ({@link NotificationMessage}).
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** Random (UUID), never sequential: it appears in URLs. */
    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "resident_subject", nullable = false)
    private String residentSubject;

    @Column(name = "application_id", nullable = false)
    private String applicationId;

    /** The application's reference, as the resident reads and quotes it (it never changes). */
    @Column(name = "application_reference", nullable = false)
    private String applicationReference;

    @Column(name = "service_id", nullable = false)
    private String serviceId;

    /** The name of the status reached (an application status). */
    @Column(name = "status", nullable = false)
    private String status;

    /** UTC, as the other tables keep time (EclipseLink 4.0 would serialize an Instant). */
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "read_at")
    private LocalDateTime readAt;

    protected Notification() {
        // JPA
    }

    Notification(String id, String residentSubject, String applicationId, String applicationReference,
                 String serviceId, String status, LocalDateTime createdAt) {
        this.id = id;
        this.residentSubject = residentSubject;
        this.applicationId = applicationId;
        this.applicationReference = applicationReference;
        this.serviceId = serviceId;
        this.status = status;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getResidentSubject() {
        return residentSubject;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public String getApplicationReference() {
        return applicationReference;
    }

    public String getServiceId() {
        return serviceId;
    }

    public String getStatus() {
        return status;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    void markRead(LocalDateTime at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
