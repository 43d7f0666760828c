package hk.smartid.portal.developers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The business a verified resident represents, as they declared it; one per resident (their subject). */
@Entity
@Table(name = "developer_organisation")
public class Organisation {

    @Id
    @Column(name = "owner_subject")
    private String ownerSubject;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "business_registration_number", nullable = false)
    private String businessRegistrationNumber;

    /** UTC: EclipseLink 4.0 would store an Instant as a serialized object. */
    @Column(name = "declared_at", nullable = false)
    private LocalDateTime declaredAt;

    protected Organisation() {
        // JPA
    }

    Organisation(String ownerSubject, String name, String businessRegistrationNumber, Instant at) {
        this.ownerSubject = ownerSubject;
        declare(name, businessRegistrationNumber, at);
    }

    void declare(String name, String businessRegistrationNumber, Instant at) {
        this.name = name;
        this.businessRegistrationNumber = businessRegistrationNumber;
        this.declaredAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public String getName() {
        return name;
    }

    public String getBusinessRegistrationNumber() {
        return businessRegistrationNumber;
    }
}
