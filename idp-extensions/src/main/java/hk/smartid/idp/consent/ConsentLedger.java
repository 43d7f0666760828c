package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consents residents gave banks (table SMARTID_CONSENT, docs/banking-made-easy.md).
 * TODO(consent helper): implement on the JPA entity; the signatures are the contract other packages use.
 */
public final class ConsentLedger {

    private final KeycloakSession session;

    public ConsentLedger(KeycloakSession session) {
        this.session = session;
    }

    /** Records an approval; an earlier active consent for the same bank and purpose is revoked by it. */
    public Consent grant(RealmModel realm, UserModel user, String clientId, String purpose, List<DataItem> items,
                         Instant expiresAt) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** The consent in force for this resident and bank at {@code now}: not revoked, not expired. */
    public Optional<Consent> activeConsent(RealmModel realm, UserModel user, String clientId, Instant now) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Every consent the resident ever gave, newest first. */
    public List<Consent> consentsOf(RealmModel realm, UserModel user) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Revokes the resident's consent; empty when no such consent of theirs exists. */
    public Optional<Consent> revoke(RealmModel realm, UserModel user, String consentId, Instant now) {
        throw new UnsupportedOperationException("not yet built");
    }
}
