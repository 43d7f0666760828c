package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.Assurance;
import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.FieldOption;
import hk.smartid.portal.catalogue.FieldType;
import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.i18n.LanguagePreference;
import hk.smartid.portal.idp.IdpOutcomes;
import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Applying online for an e-service ({@code /apply?service=<id>}): the department's form, pre-filled from the
 * resident's digital ID (e-ME form filling), checked on the server, reviewed, then submitted once.
 *
 * <p>The form lives as long as its view (JSF's view state, which also protects its posts from forgery); it holds
 * one random submission key, so however often it is posted (a double click, back and submit again, a replayed
 * request) it files one application. Verified values are shown read-only and, at submission, taken from the IdP
 * again, whatever the post says.
 */
@Named
@ViewScoped
public class ApplicationForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    /** The ids of the controls apply.xhtml renders for a field, one per kind. */
    private static final List<String> CONTROLS = List.of("text", "area", "date", "select", "radio", "check");

    @Inject
    PortalCatalogue catalogue;

    @Inject
    Applications applications;

    @Inject
    DigitalId digitalId;

    @Inject
    SignedInResident resident;

    @Inject
    LanguagePreference language;

    private String serviceId;
    private EService service;
    private List<FormEntry> entries = List.of();
    private boolean reviewing;
    private boolean digitalIdUnavailable;
    private final String submissionKey = UUID.randomUUID().toString();

    /**
     * f:viewAction on opening the form: a service the catalogue lacks or that cannot be applied for online is a 404;
     * a service needing a verified identity sends a self-declared one to how to get verified; then the resident's
     * digital ID is asked for, as it is now.
     */
    public void load() {
        service = serviceId == null ? null
                : catalogue.getContent().service(serviceId).filter(EService::online).orElse(null);
        if (service == null) {
            NotFound.send();
            return;
        }
        if (!identityEnough()) {
            PortalPages.redirect("/verification-needed");
            return;
        }
        IdpResult<DigitalId.Attributes> answer = digitalId.attributes();
        if (IdpOutcomes.sentToLogin(answer, returnPath())) {
            return;
        }
        entries = new ArrayList<>(service.form().stream().map(FormEntry::new).toList());
        if (answer instanceof IdpResult.Success<DigitalId.Attributes> success) {
            for (FormEntry entry : entries) {
                entry.getField().prefilledFrom().flatMap(success.value()::of)
                        .ifPresent(attribute -> entry.prefill(attribute.value, attribute.verified));
            }
        } else {
            digitalIdUnavailable = true;
        }
    }

    /** Checks every field; on success shows the review, else the errors next to the fields. */
    public String review() {
        if (expired() || !identityEnough()) {
            return null;
        }
        reviewing = checkAll();
        return null;
    }

    /** Back from the review to the form. */
    public String edit() {
        reviewing = false;
        return null;
    }

    /**
     * Takes the verified values from the IdP again, checks everything once more and files the application (or finds
     * the one this form already filed), then shows its receipt.
     */
    public String submit() {
        if (expired() || !identityEnough()) {
            return null;
        }
        IdpResult<DigitalId.Attributes> answer = digitalId.attributes();
        if (IdpOutcomes.sentToLogin(answer, returnPath())) {
            return null;
        }
        if (!(answer instanceof IdpResult.Success<DigitalId.Attributes> success)) {
            IdpOutcomes.message("apply.digitalIdUnavailableAtSubmit");
            return null;
        }
        for (FormEntry entry : entries) {
            if (entry.isVerified()) {
                Optional<DigitalId.Attribute> now = entry.getField().prefilledFrom().flatMap(success.value()::of)
                        .filter(attribute -> attribute.verified);
                now.ifPresentOrElse(attribute -> entry.prefill(attribute.value, true), entry::unlock);
            }
        }
        if (!checkAll()) {
            reviewing = false;
            return null;
        }
        List<SubmittedValue> values = entries.stream().map(entry -> new SubmittedValue(entry.getName(),
                entry.isVerified() ? entry.getValue() : FormFieldCheck.normalised(entry.getField(), entry.getValue()),
                entry.isPrefilled(), entry.isVerified())).toList();
        Application application = applications.submit(submissionKey,
                ApplicationActor.resident(resident.subject().orElseThrow(), resident.getDisplayName()),
                service, language.getLanguageTag(), values);
        // A redirect of our own, not a navigation: navigating away would end this view's scope, and a second post of
        // the form (back and submit, a replay) would then meet a new, empty form instead of this one and its key.
        PortalPages.redirect("/receipt?id=" + application.getId());
        return null;
    }

    /**
     * The error of {@code entry} in the reader's language; empty when there is none. Besides this form's own checks,
     * Faces refuses two things itself before they reach them, with the portal's texts (message bundle): a date that
     * is no date, and a select or radio value that is not one of the options.
     */
    public String errorText(FormEntry entry) {
        FieldError error = entry.getError();
        if (error == null) {
            return refusedByFaces(entry).orElse("");
        }
        return new MessageFormat(bundle().getString(error.messageKey()), language.getLocale())
                .format(error.arguments().toArray());
    }

    public boolean invalid(FormEntry entry) {
        return entry.getError() != null || refusedByFaces(entry).isPresent();
    }

    /** The message Faces gave this entry's control in this request (client ids: apply:fields:<row>:<control>). */
    private Optional<String> refusedByFaces(FormEntry entry) {
        FacesContext faces = FacesContext.getCurrentInstance();
        int row = entries.indexOf(entry);
        return CONTROLS.stream().flatMap(control -> faces.getMessageList("apply:fields:" + row + ":" + control).stream())
                .map(FacesMessage::getSummary).findFirst();
    }

    /** The value as the reader reads it on the review: an option's label, yes or no for a checkbox. */
    public String displayValue(FormEntry entry) {
        return ApplicationPage.displayValue(entry.getField(), entry.getValue(), language.getLanguageTag(), bundle());
    }

    public long getErrorCount() {
        return entries.stream().filter(this::invalid).count();
    }

    public boolean isAnyPrefilled() {
        return entries.stream().anyMatch(FormEntry::isPrefilled);
    }

    private boolean checkAll() {
        LocalDate today = LocalDate.now(HONG_KONG);
        boolean valid = true;
        for (FormEntry entry : entries) {
            // A verified value is the IdP's, vouched for by a counter: it is not the resident's to correct.
            FieldError error = entry.isVerified() ? null
                    : FormFieldCheck.check(entry.getField(), entry.getValue(), today).orElse(null);
            entry.setError(error);
            valid &= error == null;
        }
        return valid;
    }

    /** A post to a form whose view is gone (its scope ended): nothing to submit, and the resident is told. */
    private boolean expired() {
        if (service == null) {
            IdpOutcomes.message("apply.expired");
            return true;
        }
        return false;
    }

    private boolean identityEnough() {
        return service.assurance() != Assurance.VERIFIED
                || Assurance.VERIFIED.levelOfAssurance().equals(resident.getAssuranceLevel());
    }

    private String returnPath() {
        return "/apply?service=" + service.id();
    }

    private ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    /** The options of a select or radio field, labelled in the reader's language. */
    public List<FieldOption> options(FormEntry entry) {
        return entry.getField().type().hasOptions() ? entry.getField().options() : List.of();
    }

    public boolean is(FormEntry entry, String type) {
        return FieldType.of(type).map(t -> t == entry.getField().type()).orElse(false);
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public EService getService() {
        return service;
    }

    public List<FormEntry> getEntries() {
        return entries;
    }

    public boolean isReviewing() {
        return reviewing;
    }

    public boolean isDigitalIdUnavailable() {
        return digitalIdUnavailable;
    }
}
