package hk.smartid.idp.audit;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.realm.RealmRole;
import hk.smartid.idp.realm.ResidentAttribute;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * One call of a staff API (enrolment, onboarding): who calls, at which branch, doing what; every outcome, refusals
 * included, goes to the staff audit trail through {@link #record} or {@link #refuse}. A call without a valid token
 * names nobody, so it is refused unaudited.
 */
public final class StaffCall {

    /** The branch written for a staff account that has none (e.g. the onboarding service account). */
    static final String NO_BRANCH = "unassigned";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final StaffAction action;
    private final BearerCaller caller;
    private final String branch;

    private StaffCall(KeycloakSession session, StaffAction action, BearerCaller caller) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.action = action;
        this.caller = caller;
        this.branch = Optional.ofNullable(caller.user().getFirstAttribute(ResidentAttribute.COUNTER_BRANCH)).orElse(NO_BRANCH);
    }

    /** This request's caller doing {@code action}, which needs {@code role}: 401 without a valid token, 403 (audited) without the role. */
    public static StaffCall of(KeycloakSession session, StaffAction action, RealmRole role) throws ApiError {
        StaffCall call = new StaffCall(session, action, BearerCaller.of(session));
        if (!call.caller.hasRealmRole(role)) {
            throw call.refuse(ApiError.insufficientRole(role.roleName()), null, StaffActionOutcome.REFUSED,
                    "caller lacks role " + role.roleName());
        }
        return call;
    }

    public BearerCaller caller() {
        return caller;
    }

    public UserModel staff() {
        return caller.user();
    }

    public String branch() {
        return branch;
    }

    /** Writes the call's line; {@code residentId} and {@code detail} may be null. */
    public void record(StaffActionOutcome outcome, String residentId, String detail) {
        new StaffAuditTrail(session).record(realm, action, staff().getId(), staff().getUsername(), branch, residentId,
                outcome, detail);
    }

    /** Writes the call's line for a refusal and hands the refusal back, to be answered. */
    public ApiError refuse(ApiError refusal, String residentId, StaffActionOutcome outcome, String detail) {
        record(outcome, residentId, detail);
        return refusal;
    }
}
