package hk.smartid.idp.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.bank.BankClient;
import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.bank.Purpose;
import hk.smartid.idp.realm.RealmRole;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A resident's consents to banks, under {@code /realms/smartid/data-sharing/consents}: list them, revoke
 * one. Mounted by the data-sharing resource; the caller is the resident's own bearer token (role
 * {@code resident}). Revoking takes effect at once: the bank's sessions and offline tokens for this
 * resident end, so its next person-data call is refused.
 */
public class ResidentConsentsResource {

    private final KeycloakSession session;

    public ResidentConsentsResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        BearerCaller caller;
        try {
            caller = BearerCaller.withRealmRole(session, RealmRole.RESIDENT);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        RealmModel realm = session.getContext().getRealm();
        Instant now = Instant.now();
        List<ConsentRow> rows = new ConsentLedger(session).consentsOf(realm, caller.user()).stream()
                .map(consent -> ConsentRow.of(consent, BankClient.of(realm.getClientByClientId(consent.clientId())), now))
                .toList();
        return Response.ok(rows).build();
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("id") String consentId) {
        BearerCaller caller;
        try {
            caller = BearerCaller.withRealmRole(session, RealmRole.RESIDENT);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        RealmModel realm = session.getContext().getRealm();
        UserModel resident = caller.user();
        Optional<Consent> revoked = new ConsentLedger(session).revoke(realm, resident, consentId, Instant.now());
        if (revoked.isEmpty()) {
            return ApiError.of(Response.Status.NOT_FOUND, "consent_not_found", "No consent of yours has this id").response();
        }
        ClientModel bank = realm.getClientByClientId(revoked.get().clientId());
        if (bank != null) {
            endBankAccess(realm, resident, bank);
        }
        return Response.noContent().build();
    }

    /** The bank's tokens for this resident stop working: its client sessions end and its offline tokens are revoked. */
    private void endBankAccess(RealmModel realm, UserModel resident, ClientModel bank) {
        AuthenticationManager.backchannelLogoutUserFromClient(session, realm, resident, bank,
                session.getContext().getUri(), session.getContext().getRequestHeaders());
        new UserSessionManager(session).revokeOfflineToken(resident, bank);
    }

    /**
     * One consent as "My data sharing" shows it (docs/banking-made-easy.md). Names and statements are
     * null for a bank no longer registered; {@code revokedAt} is written even when null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConsentRow(String id, String clientId, Map<String, String> bankName, String purpose,
                      Map<String, String> purposeStatement, List<String> items, String grantedAt, String expiresAt,
                      String revokedAt, String status) {

        static ConsentRow of(Consent consent, Optional<BankClient> bank, Instant now) {
            return new ConsentRow(consent.id(), consent.clientId(),
                    bank.map(BankClient::names).orElse(null),
                    consent.purpose(),
                    bank.flatMap(b -> b.purpose(consent.purpose())).map(Purpose::statement).orElse(null),
                    consent.items().stream().map(DataItem::scope).toList(),
                    consent.grantedAt().toString(),
                    consent.expiresAt().toString(),
                    consent.revokedAt() == null ? null : consent.revokedAt().toString(),
                    consent.statusAt(now).name().toLowerCase(Locale.ROOT));
        }
    }
}
