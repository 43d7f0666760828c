package hk.smartid.portal.applications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One entry of an application's status history: the status it got, when, from whom and why. Never changed. */
@Entity
@Table(name = "application_status_change")
public class ApplicationStatusChange {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    /** 0 for the status at submission, then 1, 2, ...: the history's order. */
    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    /** UTC (EclipseLink 4.0 would serialize an Instant). */
    @Column(name = "changed_at", nullable = false)
    private LocalDateTime changedAt;

    @Column(name = "actor_subject", nullable = false)
    private String actorSubject;

    @Column(name = "actor_role", nullable = false)
    private ActorRole actorRole;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    private String note;

    protected ApplicationStatusChange() {
        // JPA
    }

    ApplicationStatusChange(Application application, int position, ApplicationStatus status, Instant at,
                            ApplicationActor actor, String note) {
        this.id = UUID.randomUUID().toString();
        this.application = application;
        this.position = position;
        this.status = status;
        this.changedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        this.actorSubject = actor.subject();
        this.actorRole = actor.role();
        this.actorName = actor.displayName();
        this.note = note;
    }

    public int getPosition() {
        return position;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public Instant getChangedAt() {
        return changedAt.toInstant(ZoneOffset.UTC);
    }

    public ApplicationActor getActor() {
        return new ApplicationActor(actorSubject, actorRole, actorName);
    }

    /** Empty when none was given. */
    public String getNote() {
        return note;
    }
}
