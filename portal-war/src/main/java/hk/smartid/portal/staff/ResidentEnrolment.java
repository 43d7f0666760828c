package hk.smartid.portal.staff;

import hk.smartid.portal.idp.IdpResult;
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

    /** The IdP's conflict when the contact is a self-registered account's, which staff may verify instead. */
    static final String CONTACT_HAS_BASIC_ACCOUNT = "contact_has_basic_account";

    @Inject
    EnrolmentApi api;

    @Inject
    IssuedCode issuedCode;

    private final EnrolmentForm form = new EnrolmentForm();
    /** Set when the contact belongs to a self-registered account that staff may verify instead. */
    private String basicAccountId;

    public void enrol() {
        IdpResult<ActivationCodeIssued> result = api.enrol(form);
        basicAccountId = null;
        if (StaffConsole.handledCommonOutcome(result)) {
            return;
        }
        if (result instanceof IdpResult.Success<ActivationCodeIssued> issued) {
            issuedCode.show(issued.value(), form.getPreferredLanguage());
        } else if (result instanceof IdpResult.Conflict<ActivationCodeIssued> conflict
                && CONTACT_HAS_BASIC_ACCOUNT.equals(conflict.error()) && conflict.residentId() != null) {
            basicAccountId = conflict.residentId();
            StaffConsole.topMessage("staff.enrol.basicAccount");
        } else {
            showProblem(result);
        }
    }

    /**
     * Verifies the person's self-registered account with the identity in the form: it becomes
     * loa-verified and keeps its passkeys, so no activation code is needed.
     */
    public void verifyExisting() {
        if (basicAccountId == null) {
            return;
        }
        IdpResult<ResidentRecord> result = api.verifyExisting(basicAccountId, form);
        if (StaffConsole.handledCommonOutcome(result)) {
            return;
        }
        if (result instanceof IdpResult.Success<ResidentRecord>) {
            basicAccountId = null;
            StaffConsole.topMessage("staff.enrol.verified");
        } else {
            showProblem(result);
        }
    }

    private void showProblem(IdpResult<?> result) {
        if (result instanceof IdpResult.Conflict) {
            StaffConsole.topMessage("staff.enrol.duplicate");
        } else if (result instanceof IdpResult.FieldErrors<?> invalid) {
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

    public boolean isBasicAccountFound() {
        return basicAccountId != null;
    }

    public EnrolmentForm getForm() {
        return form;
    }
}
