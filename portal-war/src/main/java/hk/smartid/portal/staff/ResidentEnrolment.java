package hk.smartid.portal.staff;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * Enrol a resident whose HKID card staff have checked in person. The IdP validates; its field errors are shown
 * next to the fields. The form keeps what was typed whatever the outcome.
 */
@Named
@ViewScoped
public class ResidentEnrolment implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "enrolForm";
    /** The request's field names, which are also the ids of the form's inputs. */
    static final Set<String> FIELDS = Set.of("hkidNumber", "surname", "givenNames", "chineseName", "dateOfBirth",
            "gender", "residentialAddress", "mobileNumber", "email", "preferredLanguage");

    @Inject
    EnrolmentApi api;

    @Inject
    IssuedCode issuedCode;

    private final EnrolmentForm form = new EnrolmentForm();

    public void enrol() {
        ApiResult<ActivationCodeIssued> result = api.enrol(form);
        if (StaffConsole.handledCommonOutcome(result)) {
            return;
        }
        if (result instanceof ApiResult.Success<ActivationCodeIssued> issued) {
            issuedCode.show(issued.value(), form.getPreferredLanguage());
        } else if (result instanceof ApiResult.AlreadyEnrolled) {
            StaffConsole.topMessage("staff.enrol.duplicate");
        } else if (result instanceof ApiResult.FieldErrors<ActivationCodeIssued> invalid) {
            StaffConsole.topMessage("staff.enrol.fixErrors");
            for (Map.Entry<String, String> error : invalid.fields().entrySet()) {
                if (FIELDS.contains(error.getKey())) {
                    StaffConsole.fieldError(FORM + ":" + error.getKey(), error.getValue());
                } else {
                    StaffConsole.topMessage(StaffConsole.FALLBACK_FIELD_KEY);
                }
            }
        } else {
            StaffConsole.topMessage("staff.error.unavailable");
        }
    }

    public EnrolmentForm getForm() {
        return form;
    }
}
