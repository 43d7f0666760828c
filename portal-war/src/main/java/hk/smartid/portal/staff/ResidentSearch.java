package hk.smartid.portal.staff;

import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.i18n.LanguagePreference;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Find a resident by HKID number and, after a new check of the card, issue them a new activation code. */
@Named
@ViewScoped
public class ResidentSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String HKID_FIELD = "findForm:hkid";
    static final String CONFIRM_FIELD = "reissueForm:confirm";

    @Inject
    EnrolmentApi api;

    @Inject
    IssuedCode issuedCode;

    @Inject
    LanguagePreference languagePreference;

    private String hkid;
    private ResidentRecord resident;
    private boolean notFound;
    private boolean cardCheckedAgain;
    private String slipLanguage;

    public void find() {
        resident = null;
        notFound = false;
        cardCheckedAgain = false;
        IdpResult<ResidentRecord> result = api.findResident(hkid == null ? "" : hkid.trim());
        if (StaffConsole.handledCommonOutcome(result)) {
            return;
        }
        if (result instanceof IdpResult.Success<ResidentRecord> found) {
            resident = found.value();
        } else if (result instanceof IdpResult.NotFound) {
            notFound = true;
            StaffConsole.topMessage("staff.find.notFound");
        } else if (result instanceof IdpResult.FieldErrors<ResidentRecord> invalid) {
            String key = invalid.fields().get("hkidNumber");
            StaffConsole.fieldError(HKID_FIELD, key == null ? StaffConsole.FALLBACK_FIELD_KEY : key);
        } else {
            StaffConsole.topMessage("staff.error.unavailable");
        }
    }

    public void reissue() {
        if (resident == null) {
            return;
        }
        if (!cardCheckedAgain) {
            StaffConsole.fieldError(CONFIRM_FIELD, "staff.reissue.confirmRequired");
            return;
        }
        IdpResult<ActivationCodeIssued> result = api.reissueActivationCode(resident.getId());
        if (StaffConsole.handledCommonOutcome(result)) {
            return;
        }
        if (result instanceof IdpResult.Success<ActivationCodeIssued> issued) {
            issuedCode.show(issued.value(), getSlipLanguage());
            cardCheckedAgain = false;
        } else if (result instanceof IdpResult.NotFound) {
            resident = null;
            StaffConsole.topMessage("staff.reissue.notFound");
        } else {
            StaffConsole.topMessage("staff.error.unavailable");
        }
    }

    public String getHkid() {
        return hkid;
    }

    public void setHkid(String hkid) {
        this.hkid = hkid;
    }

    public ResidentRecord getResident() {
        return resident;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isCardCheckedAgain() {
        return cardCheckedAgain;
    }

    public void setCardCheckedAgain(boolean cardCheckedAgain) {
        this.cardCheckedAgain = cardCheckedAgain;
    }

    /** The language of the slip; at first the language the console is read in. */
    public String getSlipLanguage() {
        return slipLanguage != null ? slipLanguage : languagePreference.getLanguageTag();
    }

    public void setSlipLanguage(String slipLanguage) {
        this.slipLanguage = slipLanguage;
    }
}
