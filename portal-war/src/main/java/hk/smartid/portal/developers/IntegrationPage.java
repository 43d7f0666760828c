package hk.smartid.portal.developers;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.idp.IdpOnboarding;
import hk.smartid.portal.login.IdentityProvider;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;

/**
 * One integration as its business sees it (/developers/integration?id=): the sandbox client id and issuer, the
 * request's state, the production client once approved or the approver's reason once refused, and the request to go
 * live. Only the resident who created it finds it: any other id is a 404, on the page and on every POST.
 */
@Named
@ViewScoped
public class IntegrationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeveloperIntegrations integrations;

    @Inject
    SignedInResident resident;

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpOnboarding onboarding;

    private String id;
    private transient Integration integration;

    public void load() {
        integration = find();
        if (integration == null) {
            NotFound.send();
        }
    }

    public String requestGoLive() {
        String owner = Representative.verified(resident).orElse(null);
        if (owner == null) {
            return null;
        }
        if (find() == null) {
            NotFound.send();
            return null;
        }
        integrations.requestGoLive(owner, id);
        return "/developers/integration?faces-redirect=true&id=" + id;
    }

    private Integration find() {
        return Representative.verified(resident).flatMap(owner -> integrations.ofOwner(owner, id)).orElse(null);
    }

    public Integration getIntegration() {
        if (integration == null) {
            integration = resident.subject().flatMap(owner -> integrations.ofOwner(owner, id)).orElse(null);
        }
        return integration;
    }

    public String getSandboxIssuer() {
        return onboarding.sandboxIssuer();
    }

    public String getProductionIssuer() {
        return identityProvider.realmUrl().toString();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String time(Instant at) {
        return at == null ? "" : HongKongTime.format(at);
    }
}
