package hk.smartid.portal.developers;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.login.SignedInResident;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The developer area's home (/developers/): the organisation the verified resident represents (declared or corrected
 * here: its name and business registration number) and its integrations with their sandbox client ids and states.
 */
@Named
@ViewScoped
public class DeveloperArea implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeveloperIntegrations integrations;

    @Inject
    SignedInResident resident;

    private String organisationName;
    private String businessRegistrationNumber;
    private boolean declared;
    private boolean editing;
    private final FormErrors errors = new FormErrors();

    /** f:viewAction: the declared organisation, if any. */
    public void load() {
        Representative.verified(resident).flatMap(integrations::organisationOf).ifPresent(organisation -> {
            declared = true;
            organisationName = organisation.getName();
            businessRegistrationNumber = organisation.getBusinessRegistrationNumber();
        });
    }

    /** Checks and keeps the organisation; the errors stand next to their fields. */
    public String declare() {
        String owner = Representative.verified(resident).orElse(null);
        if (owner == null) {
            return null;
        }
        errors.clear();
        if (organisationName == null || organisationName.isBlank()) {
            errors.put("organisationName", "developers.error.required");
        } else if (organisationName.trim().length() > DeveloperIntegrations.ORGANISATION_NAME_MAX) {
            errors.put("organisationName", "developers.error.tooLong", DeveloperIntegrations.ORGANISATION_NAME_MAX);
        }
        if (businessRegistrationNumber == null || businessRegistrationNumber.isBlank()) {
            errors.put("businessRegistrationNumber", "developers.error.required");
        } else if (!DeveloperIntegrations.BUSINESS_REGISTRATION_NUMBER.matcher(businessRegistrationNumber.trim()).matches()) {
            errors.put("businessRegistrationNumber", "developers.error.brn");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        integrations.declare(owner, organisationName, businessRegistrationNumber);
        return "/developers/index?faces-redirect=true";
    }

    public void edit() {
        editing = true;
    }

    public List<Integration> getIntegrations() {
        return resident.subject().map(integrations::ofOwner).orElse(List.of());
    }

    public boolean isDeclared() {
        return declared;
    }

    /** The declaration form is shown before the first declaration and while correcting it. */
    public boolean isFormShown() {
        return !declared || editing || !errors.isEmpty();
    }

    public FormErrors getErrors() {
        return errors;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getBusinessRegistrationNumber() {
        return businessRegistrationNumber;
    }

    public void setBusinessRegistrationNumber(String businessRegistrationNumber) {
        this.businessRegistrationNumber = businessRegistrationNumber;
    }

    public String time(Instant at) {
        return at == null ? "" : HongKongTime.format(at);
    }
}
