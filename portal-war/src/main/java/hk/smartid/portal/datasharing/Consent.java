package hk.smartid.portal.datasharing;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The resident's consent for one bank or business ({@code clientId}) to fetch the listed data items (OAuth scopes
 * such as {@code person.hkid}) for one purpose, as the IdP keeps it. Pages call its accessors as methods
 * ({@code consent.clientId()}): Jakarta EL 5 does not read records as beans.
 *
 * @param revokedAt when the resident revoked it (or a newer consent for the same purpose replaced it); null if not
 */
public record Consent(String id, String clientId, LocalisedText bankName, String purpose,
                      LocalisedText purposeStatement, List<String> items, Instant grantedAt, Instant expiresAt,
                      Instant revokedAt, ConsentStatus status) implements Serializable {

    public Consent {
        items = List.copyOf(items);
    }

    /** The bank's name in the reader's language, or its client id if it registered none. */
    public String bankNameIn(String languageTag) {
        return bankName.in(languageTag).orElse(clientId);
    }

    public String purposeStatementIn(String languageTag) {
        return purposeStatement.in(languageTag).orElse(purpose);
    }

    /** Only an active consent can be revoked; an expired or revoked one already stops the bank. */
    public boolean revocable() {
        return status == ConsentStatus.ACTIVE;
    }
}
