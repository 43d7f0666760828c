package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.FieldOption;
import hk.smartid.portal.catalogue.FieldType;
import hk.smartid.portal.catalogue.FormField;
import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.i18n.LanguagePreference;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One of the signed-in resident's applications: its receipt ({@code /receipt?id=}) and its detail with the status
 * history and the submitted values ({@code /application?id=}). Found only among the reader's own applications: any
 * other id, another resident's included, is a plain 404.
 */
@Named
@RequestScoped
public class ApplicationPage {

    @Inject
    Applications applications;

    @Inject
    SignedInResident resident;

    @Inject
    PortalCatalogue catalogue;

    @Inject
    LanguagePreference language;

    private String id;
    private Application application;

    /** f:viewAction: the reader's application with this id, else 404. */
    public void load() {
        application = id == null || resident.subject().isEmpty() ? null
                : applications.ofResident(resident.subject().get(), id).orElse(null);
        if (application == null) {
            NotFound.send();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Application getApplication() {
        return application;
    }

    public Optional<EService> service() {
        return catalogue.getContent().service(application.getServiceId());
    }

    /** The service's name in the reader's language (its id if the catalogue no longer has it). */
    public String getServiceName() {
        return serviceName(catalogue, application.getServiceId(), language.getLanguageTag());
    }

    public String getFeeNote() {
        return service().map(s -> s.fee().note().in(language.getLanguageTag())).orElse("");
    }

    /** The field's label in the reader's language, as the form showed it. */
    public String label(SubmittedValue value) {
        return field(value).map(f -> f.label().in(language.getLanguageTag())).orElse(value.getFieldName());
    }

    public String display(SubmittedValue value) {
        return field(value).map(f -> displayValue(f, value.getValue(), language.getLanguageTag(), bundle()))
                .orElse(value.getValue());
    }

    public String time(Instant instant) {
        return HongKongTime.format(instant);
    }

    private Optional<FormField> field(SubmittedValue value) {
        return service().flatMap(s -> s.form().stream().filter(f -> f.name().equals(value.getFieldName())).findFirst());
    }

    static String serviceName(PortalCatalogue catalogue, String serviceId, String languageTag) {
        return catalogue.getContent().service(serviceId).map(s -> s.name().in(languageTag)).orElse(serviceId);
    }

    /** A value as people read it: an option's label, yes or no for a checkbox, anything else as it is. */
    static String displayValue(FormField field, String value, String languageTag, ResourceBundle bundle) {
        if (field.type() == FieldType.CHECKBOX) {
            return bundle.getString("true".equals(value) ? "apply.yes" : "apply.no");
        }
        if (field.type().hasOptions()) {
            return field.options().stream().filter(option -> option.value().equals(value)).findFirst()
                    .map(FieldOption::label).map(label -> label.in(languageTag)).orElse(value);
        }
        return value;
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
