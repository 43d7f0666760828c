package hk.smartid.portal.developers;

import hk.smartid.portal.idp.IdpOnboarding;
import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.logging.Logger;

/**
 * Disabling and enabling a live integration's production client, from its business's page (/developers/integration)
 * or an approver's (/approvals/request): disabling asks for confirmation first. The IdP's onboarding API does it
 * (tokens refused at once, docs/businesses.md) and audits it naming this person and capacity; the portal then keeps
 * the state and a line among the integration's decisions. Who may is checked on every POST: the integration's own
 * verified representative, or a verified approver; anyone else gets a 404 (not their integration) or a 403.
 */
@Named
@ViewScoped
public class IntegrationSwitchForm implements Serializable {

    /** Whom the person acts as: the page says it, never the request. */
    public enum Capacity {
        BUSINESS("business"), APPROVER(Representative.APPROVER_ROLE);

        private final String auditName;

        Capacity(String auditName) {
            this.auditName = auditName;
        }
    }

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IntegrationSwitchForm.class.getName());

    @Inject
    DeveloperIntegrations integrations;

    @Inject
    IdpOnboarding onboarding;

    @Inject
    SignedInResident person;

    private String id;
    private boolean confirming;
    private final FormErrors errors = new FormErrors();

    /** The first press of "Disable": the page asks to confirm. */
    public void askToDisable(Capacity capacity) {
        errors.clear();
        confirming = allowed(capacity) != null;
    }

    public void cancel() {
        confirming = false;
    }

    public String disable(Capacity capacity) {
        return switchTo(capacity, false);
    }

    public String enable(Capacity capacity) {
        return switchTo(capacity, true);
    }

    private String switchTo(Capacity capacity, boolean enabled) {
        Integration integration = allowed(capacity);
        if (integration == null) {
            return null;
        }
        confirming = false;
        errors.clear();
        if (!integration.getState().maySwitchTo(enabled)) {
            errors.put("switch", "developers.switch.error.state");
            return null;
        }
        String subject = person.subject().orElseThrow();
        IdpResult<IdpOnboarding.Switched> done = onboarding.setEnabled(IdpOnboarding.Realm.PRODUCTION,
                integration.getProductionClientId(), enabled, subject, capacity.auditName);
        if (!(done instanceof IdpResult.Success<IdpOnboarding.Switched>)) {
            errors.put("switch", "developers.switch.error.unavailable");
            return null;
        }
        if (!integrations.switched(id, enabled, subject, person.getDisplayName())) {
            errors.put("switch", "developers.switch.error.state");
            return null;
        }
        LOG.info(() -> "Integration " + id + " (" + integration.getProductionClientId() + ") "
                + (enabled ? "enabled" : "disabled") + " by " + capacity.auditName + " " + subject);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().put("switched", enabled ? "ENABLED" : "DISABLED");
        return faces.getViewRoot().getViewId().replace(".xhtml", "") + "?faces-redirect=true&id=" + id;
    }

    /** The integration if this person may switch it in that capacity; otherwise the 403 or 404 has been sent. */
    private Integration allowed(Capacity capacity) {
        if (capacity == Capacity.APPROVER) {
            if (!Representative.approver(person)) {
                LOG.warning(() -> "Refused to switch integration " + id + " for " + person.subject().orElse("no one")
                        + ": not an approver with a verified login");
                Representative.forbid();
                return null;
            }
            return found(integrations.find(id).orElse(null));
        }
        return found(Representative.verified(person).flatMap(owner -> integrations.ofOwner(owner, id)).orElse(null));
    }

    private static Integration found(Integration integration) {
        if (integration == null && !FacesContext.getCurrentInstance().getResponseComplete()) {
            NotFound.send();
        }
        return integration;
    }

    public boolean isConfirming() {
        return confirming;
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
}
