package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;

import java.time.Instant;
import java.util.List;

/** A resident's approval that one bank may receive these data items for one registered purpose, until it expires or is revoked. */
public record Consent(String id, String userId, String clientId, String purpose, List<DataItem> items,
                      Instant grantedAt, Instant expiresAt, Instant revokedAt) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
