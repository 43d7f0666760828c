package hk.smartid.portal.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** The resident's digital-ID attributes a form field may be pre-filled from (the IdP's user attribute names). */
public enum PrefillAttribute {
    SURNAME_EN, GIVEN_NAMES_EN, NAME_ZH, HKID_NUMBER, BIRTHDATE, GENDER, RESIDENTIAL_ADDRESS, MOBILE_NUMBER, EMAIL;

    /** The attribute's name at the IdP, as written in services.json. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<PrefillAttribute> of(String attribute) {
        return Arrays.stream(values()).filter(value -> value.attribute().equals(attribute)).findFirst();
    }
}
