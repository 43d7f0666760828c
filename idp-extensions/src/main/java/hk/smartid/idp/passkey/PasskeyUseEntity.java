package hk.smartid.idp.passkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * When a passkey last logged its holder in (table {@code SMARTID_PASSKEY_USE}, created by
 * {@code META-INF/changelog/2026-11-26-passkey-use.xml}): Keycloak keeps only a passkey's creation date.
 * One row per passkey, keyed by Keycloak's credential id; time in epoch milliseconds like Keycloak's tables.
 */
@Entity
@Table(name = "SMARTID_PASSKEY_USE")
@NamedQuery(name = PasskeyUseEntity.FIND_BY_USER,
        query = "select u from PasskeyUseEntity u where u.realmId = :realmId and u.userId = :userId")
public class PasskeyUseEntity {

    static final String FIND_BY_USER = "PasskeyUseEntity.findByUser";

    @Id
    @Column(name = "CREDENTIAL_ID", length = 36)
    private String credentialId;

    @Column(name = "REALM_ID", length = 36, nullable = false, updatable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false, updatable = false)
    private String userId;

    @Column(name = "LAST_USED_AT", nullable = false)
    private long lastUsedAt;

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
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

    public long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
