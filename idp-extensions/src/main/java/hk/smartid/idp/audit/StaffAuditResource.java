package hk.smartid.idp.audit;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.realm.RealmRole;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;


/**
 * The staff audit trail for auditors ({@code GET /realms/smartid/staff-audit?first=0&max=50}), newest
 * first. Read-only: nobody, staff included, can change or delete an entry through any API.
 */
public class StaffAuditResource {

    private final KeycloakSession session;

    StaffAuditResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response recent(@QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("50") int max) {
        try {
            BearerCaller.withRealmRole(session, RealmRole.AUDITOR);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        if (first < 0 || max < 1) {
            return ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", "first must be 0 or more, max 1 or more")
                    .response();
        }
        return Response.ok(new StaffAuditTrail(session).recent(session.getContext().getRealm(), first, max).stream()
                .map(AuditLine::of).toList()).build();
    }

    /** One entry as JSON, its time an ISO-8601 instant. */
    record AuditLine(String id, String occurredAt, String action, String staffId, String staffUsername,
                     String branch, String residentId, String outcome, String detail) {

        static AuditLine of(StaffAuditEntry entry) {
            return new AuditLine(entry.id(), entry.occurredAt().toString(), entry.action().name(), entry.staffId(),
                    entry.staffUsername(), entry.branch(), entry.residentId(), entry.outcome().name(), entry.detail());
        }
    }
}
