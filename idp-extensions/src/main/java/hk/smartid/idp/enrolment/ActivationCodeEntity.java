package hk.smartid.idp.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One activation code handed out at a counter (table {@code SMARTID_ACTIVATION_CODE}, created by
 * {@code META-INF/changelog/2026-11-25-enrolment-tables.xml}). Only the salted hash of the code is kept.
 *
 * <p>Rows are not deleted when a code is used, revoked or expires: they show who issued which code where
 * and when. Times are epoch milliseconds, as in Keycloak's own tables, so that the columns are a portable
 * {@code BIGINT}. Realm and user are plain ids, not foreign keys, like Keycloak's other extension tables:
 * removing a user must not fail on our rows.
 */
@Entity
@Table(name = "SMARTID_ACTIVATION_CODE")
@NamedQueries({
        @NamedQuery(name = ActivationCodeEntity.FIND_ACTIVE_BY_USER, query = """
                select c from ActivationCodeEntity c
                where c.realmId = :realmId and c.userId = :userId and c.usedAt is null and c.revokedAt is null
                """),
        @NamedQuery(name = ActivationCodeEntity.FIND_LATEST_BY_USER, query = """
                select c from ActivationCodeEntity c
                where c.realmId = :realmId and c.userId = :userId
                order by c.issuedAt desc, case when c.revokedAt is null then 0 else 1 end, c.id desc
                """)
})
public class ActivationCodeEntity {

    /** Codes neither used nor revoked (expired ones included: they are still the resident's current code). */
    static final String FIND_ACTIVE_BY_USER = "ActivationCodeEntity.findActiveByUser";
    /**
     * All codes of the resident, newest first; the first is the one a typed code is checked against. Should
     * two codes carry the same millisecond, the one not revoked (the replacement) comes first.
     */
    static final String FIND_LATEST_BY_USER = "ActivationCodeEntity.findLatestByUser";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false, updatable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false, updatable = false)
    private String userId;

    @Column(name = "CODE_HASH", nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "SALT", nullable = false, updatable = false)
    private String salt;

    @Column(name = "ISSUED_AT", nullable = false, updatable = false)
    private long issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false, updatable = false)
    private long expiresAt;

    @Column(name = "FAILED_ATTEMPTS", nullable = false)
    private int failedAttempts;

    @Column(name = "USED_AT")
    private Long usedAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    @Column(name = "ISSUED_BY_STAFF_ID", nullable = false, updatable = false)
    private String issuedByStaffId;

    @Column(name = "ISSUED_AT_BRANCH", nullable = false, updatable = false)
    private String issuedAtBranch;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public void setCodeHash(String codeHash) {
        this.codeHash = codeHash;
    }

    public String getSalt() {
        return salt;
    }

    public void setSalt(String salt) {
        this.salt = salt;
    }

    public long getIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(long issuedAt) {
        this.issuedAt = issuedAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(int failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public Long getUsedAt() {
        return usedAt;
    }

    public void setUsedAt(Long usedAt) {
        this.usedAt = usedAt;
    }

    public Long getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Long revokedAt) {
        this.revokedAt = revokedAt;
    }

    public String getIssuedByStaffId() {
        return issuedByStaffId;
    }

    public void setIssuedByStaffId(String issuedByStaffId) {
        this.issuedByStaffId = issuedByStaffId;
    }

    public String getIssuedAtBranch() {
        return issuedAtBranch;
    }

    public void setIssuedAtBranch(String issuedAtBranch) {
        this.issuedAtBranch = issuedAtBranch;
    }

    /** The stored hash and salt as one value, to check a typed code against. */
    ActivationCodeHash hash() {
        return new ActivationCodeHash(salt, codeHash);
    }
}
