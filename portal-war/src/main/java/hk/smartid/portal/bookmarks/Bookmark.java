package hk.smartid.portal.bookmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** A resident's bookmark on one e-service of the catalogue; one per resident and service. */
@Entity
@Table(name = "bookmark")
@IdClass(Bookmark.Key.class)
public class Bookmark {

    @Id
    @Column(name = "resident_subject")
    private String residentSubject;

    @Id
    @Column(name = "service_id")
    private String serviceId;

    /** UTC; EclipseLink 4.0 stores an Instant as a serialized object, so the time is kept as a UTC date-time. */
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Bookmark() {
        // JPA
    }

    Bookmark(String residentSubject, String serviceId, LocalDateTime createdAt) {
        this.residentSubject = residentSubject;
        this.serviceId = serviceId;
        this.createdAt = createdAt;
    }

    public String getServiceId() {
        return serviceId;
    }

    /** The primary key: resident subject and service id. */
    public static class Key implements Serializable {
        private String residentSubject;
        private String serviceId;

        public Key() {
            // JPA
        }

        Key(String residentSubject, String serviceId) {
            this.residentSubject = residentSubject;
            this.serviceId = serviceId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && residentSubject.equals(key.residentSubject) && serviceId.equals(key.serviceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(residentSubject, serviceId);
        }
    }
}
