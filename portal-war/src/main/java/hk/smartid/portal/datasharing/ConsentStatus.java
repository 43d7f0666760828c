package hk.smartid.portal.datasharing;

import java.time.Instant;
import java.util.Locale;

/** Where a consent stands: a bank may fetch the resident's data only while it is {@link #ACTIVE}. */
public enum ConsentStatus {

    ACTIVE, EXPIRED, REVOKED;

    /**
     * The status to show. The IdP states one, but a consent that is past its expiry or has a revocation time is
     * never shown as active, even if the page is read a moment after the IdP answered: the resident must not be
     * told a bank can still fetch their data when it cannot, nor the reverse.
     */
    static ConsentStatus of(String stated, Instant expiresAt, Instant revokedAt, Instant now) {
        if (revokedAt != null || "revoked".equals(stated)) {
            return REVOKED;
        }
        if ("expired".equals(stated) || !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return ACTIVE;
    }

    /** The bundle key of the status in words ({@code dataSharing.status.active}, ...). */
    public String messageKey() {
        return "dataSharing.status." + name().toLowerCase(Locale.ROOT);
    }
}
