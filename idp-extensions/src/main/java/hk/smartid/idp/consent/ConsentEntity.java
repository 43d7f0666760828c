package hk.smartid.idp.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One consent a resident gave a bank (table {@code SMARTID_CONSENT}, created by
 * {@code META-INF/changelog/2026-11-25-consent-table.xml}).
 *
 * <p>Rows are never deleted: a revoked or expired consent still shows the resident what they once allowed.
 * Only {@code REVOKED_AT} ever changes. Times are epoch milliseconds (portable {@code BIGINT}, as in
 * Keycloak's tables); realm and user are plain ids, and the bank is its clientId string, so that the
 * history reads the same after a client is re-registered.
 */
@Entity
@Table(name = "SMARTID_CONSENT")
@NamedQueries({
        @NamedQuery(name = ConsentEntity.FIND_BY_USER, query = """
                select c from ConsentEntity c
                where c.realmId = :realmId and c.userId = :userId
                order by c.grantedAt desc, c.id desc
                """),
        @NamedQuery(name = ConsentEntity.FIND_IN_FORCE_FOR_CLIENT, query = """
                select c from ConsentEntity c
                where c.realmId = :realmId and c.userId = :userId and c.clientId = :clientId
                  and c.revokedAt is null and c.expiresAt > :now
                order by c.grantedAt desc, c.id desc
                """),
        @NamedQuery(name = ConsentEntity.FIND_IN_FORCE_FOR_PURPOSE, query = """
                select c from ConsentEntity c
                where c.realmId = :realmId and c.userId = :userId and c.clientId = :clientId
                  and c.purpose = :purpose and c.revokedAt is null and c.expiresAt > :now
                """),
        @NamedQuery(name = ConsentEntity.FIND_BY_ID_OF_USER, query = """
                select c from ConsentEntity c
                where c.id = :id and c.realmId = :realmId and c.userId = :userId
                """)
})
public class ConsentEntity {

    /** The resident's consents, newest first. */
    static final String FIND_BY_USER = "ConsentEntity.findByUser";
    /** The resident's consents for one bank neither revoked nor expired at {@code :now}, newest first. */
    static final String FIND_IN_FORCE_FOR_CLIENT = "ConsentEntity.findInForceForClient";
    /** Those for one bank and purpose: the ones a new approval supersedes. */
    static final String FIND_IN_FORCE_FOR_PURPOSE = "ConsentEntity.findInForceForPurpose";
    /** One consent, only if it is this resident's. */
    static final String FIND_BY_ID_OF_USER = "ConsentEntity.findByIdOfUser";

    @Id
    @Column(name = "ID", length = 36, updatable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false, updatable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false, updatable = false)
    private String userId;

    @Column(name = "CLIENT_ID", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "PURPOSE", nullable = false, updatable = false)
    private String purpose;

    /** The data items' scopes, space-separated as in an OAuth scope parameter. */
    @Column(name = "ITEMS", length = 1024, nullable = false, updatable = false)
    private String items;

    @Column(name = "GRANTED_AT", nullable = false, updatable = false)
    private long grantedAt;

    @Column(name = "EXPIRES_AT", nullable = false, updatable = false)
    private long expiresAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    /** For JPA only. */
    protected ConsentEntity() {
    }

    ConsentEntity(String id, String realmId, String userId, String clientId, String purpose, String items,
                  long grantedAt, long expiresAt) {
        this.id = id;
        this.realmId = realmId;
        this.userId = userId;
        this.clientId = clientId;
        this.purpose = purpose;
        this.items = items;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    /** The one change a consent allows; revoking it twice keeps the first time. */
    void revokeAt(long epochMillis) {
        if (revokedAt == null) {
            revokedAt = epochMillis;
        }
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getUserId() {
        return userId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getItems() {
        return items;
    }

    public long getGrantedAt() {
        return grantedAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public Long getRevokedAt() {
        return revokedAt;
    }
}
