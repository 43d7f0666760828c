package hk.smartid.portal.staff;

import java.io.Serializable;

/**
 * What staff type into the enrolment form; also the JSON-B body of {@code POST /enrolment/residents}
 * (property names as the API expects). Blank fields are sent as null, which JSON-B leaves out.
 */
public class EnrolmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String hkidNumber;
    private String surname;
    private String givenNames;
    private String chineseName;
    private String dateOfBirth;
    private String gender;
    private String residentialAddress;
    private String mobileNumber;
    private String email;
    private String preferredLanguage = "zh-HK";

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getHkidNumber() {
        return clean(hkidNumber);
    }

    public void setHkidNumber(String hkidNumber) {
        this.hkidNumber = hkidNumber;
    }

    public String getSurname() {
        return clean(surname);
    }

    public void setSurname(String surname) {
        this.surname = surname;
    }

    public String getGivenNames() {
        return clean(givenNames);
    }

    public void setGivenNames(String givenNames) {
        this.givenNames = givenNames;
    }

    public String getChineseName() {
        return clean(chineseName);
    }

    public void setChineseName(String chineseName) {
        this.chineseName = chineseName;
    }

    public String getDateOfBirth() {
        return clean(dateOfBirth);
    }

    public void setDateOfBirth(String dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getGender() {
        return clean(gender);
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public String getResidentialAddress() {
        return clean(residentialAddress);
    }

    public void setResidentialAddress(String residentialAddress) {
        this.residentialAddress = residentialAddress;
    }

    public String getMobileNumber() {
        return clean(mobileNumber);
    }

    public void setMobileNumber(String mobileNumber) {
        this.mobileNumber = mobileNumber;
    }

    public String getEmail() {
        return clean(email);
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPreferredLanguage() {
        return clean(preferredLanguage);
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }
}
