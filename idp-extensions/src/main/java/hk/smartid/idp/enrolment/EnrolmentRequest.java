package hk.smartid.idp.enrolment;

import hk.smartid.idp.realm.Language;
import hk.smartid.idp.hkid.HkidNumber;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counter staff enter after checking the HKID card in person. Field errors are message keys of the
 * smartid theme bundles, so the staff console shows them next to the field in the reader's language.
 */
public record EnrolmentRequest(String hkidNumber, String surname, String givenNames, String chineseName,
                               String dateOfBirth, String gender, String residentialAddress,
                               String mobileNumber, String email, String preferredLanguage) {

    static final String REQUIRED = "smartid.enrolment.required";
    static final String DATE_OF_BIRTH_INVALID = "smartid.enrolment.dateOfBirth.invalid";
    static final String GENDER_INVALID = "smartid.enrolment.gender.invalid";
    static final String MOBILE_INVALID = "smartid.enrolment.mobile.invalid";
    static final String EMAIL_INVALID = "smartid.enrolment.email.invalid";
    static final String CONTACT_REQUIRED = "smartid.enrolment.contact.required";
    static final String LANGUAGE_INVALID = "smartid.enrolment.language.invalid";

    static final Set<String> GENDERS = Set.of("M", "F", "X");
    private static final Pattern HK_MOBILE = Pattern.compile("(\\+852)?[4-9][0-9]{7}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Field name to message key, in form order; empty when the request can be enrolled. */
    public Map<String, String> fieldErrors(LocalDate today) {
        return fieldErrors(today, true);
    }

    /**
     * As {@link #fieldErrors(LocalDate)}; {@code contactRequired} is false when an existing account is
     * verified, which already has its login name.
     */
    public Map<String, String> fieldErrors(LocalDate today, boolean contactRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        HkidNumber.parse(hkidNumber).problem()
                .ifPresent(problem -> errors.put("hkidNumber", problem.messageKey()));
        requireText(errors, "surname", surname);
        requireText(errors, "givenNames", givenNames);
        if (blank(dateOfBirth)) {
            errors.put("dateOfBirth", REQUIRED);
        } else {
            try {
                LocalDate birth = LocalDate.parse(dateOfBirth.trim());
                if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
                    errors.put("dateOfBirth", DATE_OF_BIRTH_INVALID);
                }
            } catch (DateTimeParseException e) {
                errors.put("dateOfBirth", DATE_OF_BIRTH_INVALID);
            }
        }
        if (blank(gender)) {
            errors.put("gender", REQUIRED);
        } else if (!GENDERS.contains(gender.trim())) {
            errors.put("gender", GENDER_INVALID);
        }
        if (!blank(mobileNumber) && !HK_MOBILE.matcher(mobileNumber.trim()).matches()) {
            errors.put("mobileNumber", MOBILE_INVALID);
        }
        if (!blank(email) && !EMAIL.matcher(email.trim()).matches()) {
            errors.put("email", EMAIL_INVALID);
        }
        if (contactRequired && blank(mobileNumber) && blank(email)) {
            // The resident's login name and where the IdP can reach them.
            errors.put("mobileNumber", CONTACT_REQUIRED);
        }
        if (!blank(preferredLanguage) && !Language.TAGS.contains(preferredLanguage.trim())) {
            errors.put("preferredLanguage", LANGUAGE_INVALID);
        }
        return errors;
    }

    /** The resident's login name: the mobile number if given, else the email address. */
    String contact() {
        return (blank(mobileNumber) ? email : mobileNumber).trim().toLowerCase(java.util.Locale.ROOT);
    }

    String displayName() {
        return givenNames.trim() + " " + surname.trim().toUpperCase(java.util.Locale.ROOT);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void requireText(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            errors.put(field, REQUIRED);
        }
    }
}
