package hk.smartid.portal.officer;

import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.applications.Applications;
import hk.smartid.portal.catalogue.Department;
import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.login.SignedInResident;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The officer's work queue (/officer/): their department's applications, lazily paged, sorted and filtered by the
 * database. The department is the one in the officer's ID token, never one the page names.
 */
@Named
@ViewScoped
public class WorkQueue implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Applications applications;

    @Inject
    PortalCatalogue catalogue;

    @Inject
    SignedInResident officer;

    private String departmentId;
    private DepartmentApplications model;

    @PostConstruct
    void open() {
        departmentId = officer.officerDepartment().orElse(null);
        model = departmentId == null ? null : new DepartmentApplications(applications, departmentId);
    }

    /** Null when the officer's account names no department: they see no application at all. */
    public DepartmentApplications getApplications() {
        return model;
    }

    public Optional<Department> department() {
        return catalogue.getContent().departments().stream().filter(d -> d.id().equals(departmentId)).findFirst();
    }

    public Department getDepartment() {
        return department().orElse(null);
    }

    /** The department's services, for the service filter. */
    public List<EService> getServices() {
        return departmentId == null ? List.of() : catalogue.getContent().services().stream()
                .filter(service -> service.department().id().equals(departmentId)).toList();
    }

    public ApplicationStatus[] getStatuses() {
        return ApplicationStatus.values();
    }

    /** The service's name in that language; its id should the catalogue no longer have it. */
    public String serviceName(String serviceId, String languageTag) {
        return catalogue.getContent().service(serviceId).map(service -> service.name().in(languageTag)).orElse(serviceId);
    }

    /** Hong Kong time in the reader's language. */
    public String time(Instant at) {
        return HongKongTime.format(at);
    }
}
