package hk.smartid.portal.developers;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.idp.IdpOnboarding;
import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The approvers' pages (/approvals/, role {@value Representative#APPROVER_ROLE}): the pending requests to go live and one request,
 * approved (its production client is created through the onboarding API in the production realm, as the portal's
 * onboarding service account) or refused with a reason. Every decision is recorded with the approver (decision
 * table, append only) and logged; the role and a verified login are checked again on every POST.
 */
@Named
@ViewScoped
public class GoLiveReview implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GoLiveReview.class.getName());

    @Inject
    DeveloperIntegrations integrations;

    @Inject
    IdpOnboarding onboarding;

    @Inject
    SignedInResident approver;

    private String id;
    private String reason;
    private transient Integration integration;
    private final FormErrors errors = new FormErrors();

    /** f:viewAction of the request page. */
    public void load() {
        if (!isApprover()) {
            return;
        }
        integration = integrations.find(id).orElse(null);
        if (integration == null) {
            NotFound.send();
        }
    }

    public List<Integration> getPending() {
        return approverCanSee() ? integrations.pending() : List.of();
    }

    /** The live and disabled integrations, newest decision first: where an approver disables or enables one. */
    public List<Integration> getInProduction() {
        return approverCanSee() ? integrations.inProduction() : List.of();
    }

    public String approve() {
        Integration pending = pendingOrRefuse("approve");
        if (pending == null) {
            return null;
        }
        errors.clear();
        IdpResult<IdpOnboarding.Registered> created = onboarding.register(IdpOnboarding.Realm.PRODUCTION,
                IntegrationRequest.registrationFor(pending.getRegistration(), pending.getProductionClientId()));
        if (created instanceof IdpResult.FieldErrors<IdpOnboarding.Registered> refused) {
            refused.fields().forEach((path, why) -> errors.put("decision", "developers.error.idp", path + ": " + why));
            if (refused.fields().isEmpty()) {
                errors.put("decision", "approvals.error.productionRefused");
            }
            return null;
        }
        if (!(created instanceof IdpResult.Success<IdpOnboarding.Registered>)) {
            errors.put("decision", created instanceof IdpResult.Conflict<IdpOnboarding.Registered>
                    ? "approvals.error.clientExists" : "approvals.error.productionUnavailable");
            return null;
        }
        return decided(IntegrationDecision.Decision.APPROVED, null);
    }

    public String refuse() {
        if (pendingOrRefuse("refuse") == null) {
            return null;
        }
        errors.clear();
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "approvals.error.reasonRequired");
            return null;
        }
        if (reason.trim().length() > DeveloperIntegrations.REASON_MAX) {
            errors.put("reason", "developers.error.tooLong", DeveloperIntegrations.REASON_MAX);
            return null;
        }
        return decided(IntegrationDecision.Decision.REFUSED, reason.trim());
    }

    private String decided(IntegrationDecision.Decision decision, String why) {
        String subject = approver.subject().orElseThrow();
        if (!integrations.decide(id, decision, subject, approver.getDisplayName(), why)) {
            errors.put("decision", "approvals.error.alreadyDecided");
            return null;
        }
        LOG.info(() -> "Go-live request " + id + " " + decision + " by approver " + subject);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put("decided", decision.name());
        return "/approvals/request?faces-redirect=true&id=" + id;
    }

    /** The request if this is an approver and it is pending; otherwise the answer (403, 404, a message) is given. */
    private Integration pendingOrRefuse(String action) {
        if (!isApprover()) {
            LOG.warning(() -> "Refused to " + action + " go-live request by " + approver.subject().orElse("no one")
                    + ": not an approver with a verified login");
            return null;
        }
        Integration found = integrations.find(id).orElse(null);
        if (found == null) {
            NotFound.send();
            return null;
        }
        if (found.getState() != IntegrationState.PENDING) {
            errors.clear();
            errors.put("decision", "approvals.error.alreadyDecided");
            integration = found;
            return null;
        }
        return found;
    }

    private boolean approverCanSee() {
        return Representative.approver(approver);
    }

    /** Whether the signed-in person is a verified approver; if not, a 403 answer has been sent. */
    private boolean isApprover() {
        if (approverCanSee()) {
            return true;
        }
        Representative.forbid();
        return false;
    }

    public Integration getIntegration() {
        if (integration == null && approverCanSee()) {
            integration = integrations.find(id).orElse(null);
        }
        return integration;
    }

    public List<IntegrationDecision> getDecisions() {
        return getIntegration() == null ? List.of() : integrations.decisionsOn(id);
    }

    public FormErrors getErrors() {
        return errors;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String time(Instant at) {
        return at == null ? "" : HongKongTime.format(at);
    }
}
