package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.i18n.LanguagePreference;
import hk.smartid.portal.login.SignedInResident;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** "My applications" ({@code /applications}) and the dashboard's link to it: the signed-in resident's own, newest first. */
@Named
@RequestScoped
public class MyApplications {

    @Inject
    Applications applications;

    @Inject
    SignedInResident resident;

    @Inject
    PortalCatalogue catalogue;

    @Inject
    LanguagePreference language;

    private List<Application> mine;

    public List<Application> getMine() {
        if (mine == null) {
            mine = resident.subject().map(applications::ofResident).orElse(List.of());
        }
        return mine;
    }

    public String serviceName(Application application) {
        return ApplicationPage.serviceName(catalogue, application.getServiceId(), language.getLanguageTag());
    }

    public String submitted(Application application) {
        return HongKongTime.format(application.getSubmittedAt());
    }
}
