package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;

import java.time.Instant;
import java.util.List;

/** A resident's approval that one bank may receive these data items for one registered purpose, until it expires or is revoked. */
public record Consent(String id, String userId, String clientId, String purpose, List<DataItem> items,
                      Instant grantedAt, Instant expiresAt, Instant revokedAt) {

    /**
     * The client-session note naming the consent given in this login: a bank's code is redeemed only when
     * the login went through the consent step (Keycloak can finish a login without it, e.g. after
     * registering an account from the bank's login page).
     */
    public static final String LOGIN_NOTE = "smartid.consent_id";

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
