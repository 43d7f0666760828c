package hk.smartid.portal.officer;

import hk.smartid.portal.applications.ActorRole;
import hk.smartid.portal.applications.Application;
import hk.smartid.portal.applications.ApplicationActor;
import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.applications.Applications;
import hk.smartid.portal.applications.StatusChangeRefusedException;
import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.FormField;
import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;

import java.io.Serializable;
import java.time.Instant;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One application as an officer of its department sees it (/officer/application?id=): the submitted values, the
 * status history, and the form moving it to a next status with a note. Every request (the page and each
 * POST) finds the application among the officer's department's only: another department's id is a 404 and
 * nothing changes. The form is a JSF form, so the view state protects it from forged requests.
 */
@Named
@ViewScoped
public class OfficerApplication implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A status the officer must explain to the resident. */
    static final Set<ApplicationStatus> NOTE_REQUIRED = Set.of(ApplicationStatus.REJECTED,
            ApplicationStatus.MORE_INFORMATION_NEEDED);
    static final int NOTE_MAX = 2000;
    private static final Logger LOG = Logger.getLogger(OfficerApplication.class.getName());

    @Inject
    Applications applications;

    @Inject
    PortalCatalogue catalogue;

    @Inject
    SignedInResident officer;

    private String id;
    /** Found again on each request (entities are not kept in the session). */
    private transient Application application;
    /** The statuses offered when the page was shown; the service checks the status again when one is chosen. */
    private List<ApplicationStatus> offered = List.of();
    private ApplicationStatus to;
    private String note;

    /** f:viewAction: the application if it is of the officer's department, else a 404. */
    public void load() {
        application = find().orElse(null);
        if (application == null) {
            NotFound.send();
            return;
        }
        offered = application.getStatus().next().stream()
                .filter(next -> application.getStatus().canChangeTo(next, ActorRole.OFFICER)).sorted().toList();
    }

    /**
     * Moves the application to the chosen status with the note, as this officer. The id is looked up in the
     * officer's department again (a POST can name any id: another department's is a 404, nothing changed). A status
     * the application can no longer take (another officer moved it meanwhile) is refused with a message.
     */
    public String changeStatus() {
        Optional<Application> current = find();
        if (current.isEmpty()) {
            // Not on any page an officer is shown: a forged or replayed request; kept in the server log.
            LOG.warning(() -> "Refused a status change by officer " + officer.subject().orElse("?") + " of "
                    + officer.officerDepartment().orElse("no department") + ": no application "
                    + String.valueOf(id).replaceAll("[^A-Za-z0-9-]", "?") + " in their department");
            NotFound.send();
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (to == null) {
            error(faces, "statusForm:to", "officer.change.statusRequired");
            return null;
        }
        if (NOTE_REQUIRED.contains(to) && (note == null || note.isBlank())) {
            error(faces, "statusForm:note", "officer.change.noteRequired");
            return null;
        }
        try {
            applications.changeStatus(current.get().getId(), to,
                    ApplicationActor.officer(officer.subject().orElseThrow(), officer.getDisplayName()), note);
        } catch (StatusChangeRefusedException e) {
            error(faces, null, "officer.change.refused", label(faces, e.from()), label(faces, e.to()));
            load();
            return null;
        } catch (TransactionalException | PersistenceException e) {
            // Another officer changed it at the same moment: show what it is now.
            error(faces, null, "officer.change.conflict");
            load();
            return null;
        }
        faces.getExternalContext().getFlash().put("statusChanged", to.name());
        return "/officer/application?faces-redirect=true&id=" + current.get().getId();
    }

    private Optional<Application> find() {
        Optional<String> department = officer.officerDepartment();
        if (department.isEmpty() || id == null) {
            return Optional.empty();
        }
        return applications.ofDepartment(department.get(), id);
    }

    private static String label(FacesContext faces, ApplicationStatus status) {
        return bundle(faces).getString(status.messageKey());
    }

    private static void error(FacesContext faces, String clientId, String key, Object... arguments) {
        String text = new MessageFormat(bundle(faces).getString(key), faces.getViewRoot().getLocale()).format(arguments);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    private static ResourceBundle bundle(FacesContext faces) {
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Application getApplication() {
        if (application == null) {
            application = find().orElse(null);
        }
        return application;
    }

    public EService getService() {
        return getApplication() == null ? null
                : catalogue.getContent().service(application.getServiceId()).orElse(null);
    }

    /** The form field's label in that language; its name should the service's form no longer have it. */
    public String fieldLabel(String fieldName, String languageTag) {
        return field(fieldName).map(field -> field.label().in(languageTag)).orElse(fieldName);
    }

    /** A chosen option as its label in that language; any other value as it was submitted. */
    public String valueText(String fieldName, String value, String languageTag) {
        return field(fieldName).flatMap(field -> field.options().stream()
                        .filter(option -> option.value().equals(value)).findFirst())
                .map(option -> option.label().in(languageTag)).orElse(value);
    }

    private Optional<FormField> field(String fieldName) {
        return Optional.ofNullable(getService()).flatMap(service -> service.form().stream()
                .filter(field -> field.name().equals(fieldName)).findFirst());
    }

    public List<ApplicationStatus> getOffered() {
        return offered;
    }

    public ApplicationStatus getTo() {
        return to;
    }

    public void setTo(ApplicationStatus to) {
        this.to = to;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getNoteMax() {
        return NOTE_MAX;
    }

    /** Hong Kong time in the reader's language. */
    public String time(Instant at) {
        return HongKongTime.format(at);
    }
}
