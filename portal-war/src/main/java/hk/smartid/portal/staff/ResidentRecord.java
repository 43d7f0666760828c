package hk.smartid.portal.staff;

/**
 * A resident as the IdP shows them to staff ({@code GET /enrolment/residents?hkid=}). A JSON-B bean: the
 * property names are those of the API.
 */
public class ResidentRecord implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public String id;
    public String hkidNumber;
    public String surname;
    public String givenNames;
    public String chineseName;
    public String dateOfBirth;
    public String assuranceLevel;
    public String verifiedBranch;
    public String verifiedAt;

    public String getId() {
        return id;
    }

    public String getHkidNumber() {
        return hkidNumber;
    }

    public String getSurname() {
        return surname;
    }

    public String getGivenNames() {
        return givenNames;
    }

    public String getChineseName() {
        return chineseName;
    }

    public String getDateOfBirth() {
        return dateOfBirth;
    }

    public String getAssuranceLevel() {
        return assuranceLevel;
    }

    public String getVerifiedBranch() {
        return verifiedBranch;
    }

    public String getVerifiedAt() {
        return verifiedAt;
    }

    /** {@link #getVerifiedAt()} in Hong Kong time ({@code 2026-11-20 10:15}), or as sent if not an instant. */
    public String getVerifiedAtHongKong() {
        if (verifiedAt == null || verifiedAt.isBlank()) {
            return null;
        }
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(java.time.Instant.parse(verifiedAt).atZone(ActivationSlip.HONG_KONG));
        } catch (java.time.format.DateTimeParseException e) {
            return verifiedAt;
        }
    }
}
