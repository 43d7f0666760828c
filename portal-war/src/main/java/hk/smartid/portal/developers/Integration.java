package hk.smartid.portal.developers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A business's integration: what it registered (the onboarding request as JSON, without a client id), its sandbox
 * client, and its way to production. The production client id is chosen at creation, so the business knows it
 * before approval and an approval can only ever create that one client.
 */
@Entity
@Table(name = "developer_integration")
@NamedQuery(name = Integration.OF_OWNER,
        query = "SELECT i FROM Integration i WHERE i.ownerSubject = :owner ORDER BY i.createdAt DESC")
@NamedQuery(name = Integration.IN_STATE,
        query = "SELECT i FROM Integration i WHERE i.state = :state ORDER BY i.submittedAt")
@NamedQuery(name = Integration.IN_PRODUCTION,
        query = "SELECT i FROM Integration i WHERE i.state IN :states ORDER BY i.decidedAt DESC")
public class Integration {

    static final String OF_OWNER = "Integration.ofOwner";
    static final String IN_STATE = "Integration.inState";
    static final String IN_PRODUCTION = "Integration.inProduction";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "owner_subject", nullable = false)
    private String ownerSubject;

    @Column(name = "organisation_name", nullable = false)
    private String organisationName;

    @Column(name = "business_registration_number", nullable = false)
    private String businessRegistrationNumber;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_zh_hk", nullable = false)
    private String nameZhHk;

    @Column(name = "name_zh_cn", nullable = false)
    private String nameZhCn;

    @Column(name = "profile", nullable = false)
    private String profile;

    @Column(name = "registration", nullable = false)
    private String registration;

    @Column(name = "sandbox_client_id", nullable = false)
    private String sandboxClientId;

    @Column(name = "production_client_id", nullable = false)
    private String productionClientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private IntegrationState state;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "submitted_at")
    private LocalDateTime submittedAt;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Integration() {
        // JPA
    }

    Integration(String id, String ownerSubject, Organisation organisation, IntegrationRequest request,
                String sandboxClientId, String productionClientId, Instant at) {
        this.id = id;
        this.ownerSubject = ownerSubject;
        this.organisationName = organisation.getName();
        this.businessRegistrationNumber = organisation.getBusinessRegistrationNumber();
        this.nameEn = request.nameEn();
        this.nameZhHk = request.nameZhHk();
        this.nameZhCn = request.nameZhCn();
        this.profile = request.profile().value();
        this.registration = request.registrationJson();
        this.sandboxClientId = sandboxClientId;
        this.productionClientId = productionClientId;
        this.state = IntegrationState.SANDBOX;
        this.createdAt = utc(at);
    }

    void requestGoLive(Instant at) {
        state = IntegrationState.PENDING;
        submittedAt = utc(at);
        decidedAt = null;
        refusalReason = null;
    }

    void approve(Instant at) {
        state = IntegrationState.APPROVED;
        decidedAt = utc(at);
    }

    /** Its production client was disabled, or enabled again. */
    void switchTo(boolean enabled) {
        state = enabled ? IntegrationState.APPROVED : IntegrationState.DISABLED;
    }

    void refuse(String reason, Instant at) {
        state = IntegrationState.REFUSED;
        refusalReason = reason;
        decidedAt = utc(at);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    public String getId() {
        return id;
    }

    String getOwnerSubject() {
        return ownerSubject;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public String getBusinessRegistrationNumber() {
        return businessRegistrationNumber;
    }

    /** The integration's name in that language tag (en, zh-HK, zh-CN); English for any other. */
    public String name(String languageTag) {
        return switch (languageTag) {
            case "zh-HK" -> nameZhHk;
            case "zh-CN" -> nameZhCn;
            default -> nameEn;
        };
    }

    public String getProfile() {
        return profile;
    }

    /** The onboarding request as registered (JSON, without clientId). */
    public String getRegistration() {
        return registration;
    }

    public String getSandboxClientId() {
        return sandboxClientId;
    }

    public String getProductionClientId() {
        return productionClientId;
    }

    public IntegrationState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return instant(createdAt);
    }

    public Instant getSubmittedAt() {
        return instant(submittedAt);
    }

    public Instant getDecidedAt() {
        return instant(decidedAt);
    }

    public String getRefusalReason() {
        return refusalReason;
    }
}
