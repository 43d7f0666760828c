package hk.smartid.idp.hkid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Which account holds an HKID number (table {@code SMARTID_HKID}, created by
 * {@code META-INF/changelog/2026-11-25-hkid-register.xml}). The number, in the canonical form
 * {@link HkidNumber#toString()} gives, is the primary key: the database itself refuses a second account with
 * the same number, which a search of user attributes before creating one cannot do under concurrent requests.
 */
@Entity
@Table(name = "SMARTID_HKID")
@NamedQuery(name = HkidClaimEntity.DELETE_BY_USER,
        query = "delete from HkidClaimEntity c where c.realmId = :realmId and c.userId = :userId")
public class HkidClaimEntity {

    static final String DELETE_BY_USER = "HkidClaimEntity.deleteByUser";

    @Id
    @Column(name = "HKID_NUMBER", length = 255)
    private String hkidNumber;

    @Column(name = "REALM_ID", length = 36, nullable = false, updatable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false, updatable = false)
    private String userId;

    public String getHkidNumber() {
        return hkidNumber;
    }

    public void setHkidNumber(String hkidNumber) {
        this.hkidNumber = hkidNumber;
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
}
