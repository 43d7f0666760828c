package hk.smartid.idp.digitalid;

import hk.smartid.idp.realm.ResidentAttribute;
import org.keycloak.models.UserModel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The digital-ID attributes an e-service form may be pre-filled from (e-ME form filling), by the names the
 * catalogue's {@code prefill} uses. {@link #checkedAtCounter()} says which of them counter staff check against the
 * HKID card at enrolment or in-person verification: the identity's; the contact details (mobile number, email) are
 * only what the person gave, as for banks ({@link hk.smartid.idp.bank.DataItem}).
 */
public enum DigitalIdAttribute {
    SURNAME_EN(ResidentAttribute.SURNAME_EN, true),
    GIVEN_NAMES_EN(ResidentAttribute.GIVEN_NAMES_EN, true),
    NAME_ZH(ResidentAttribute.NAME_ZH, true),
    HKID_NUMBER(ResidentAttribute.HKID_NUMBER, true),
    BIRTHDATE(ResidentAttribute.BIRTHDATE, true),
    GENDER(ResidentAttribute.GENDER, true),
    RESIDENTIAL_ADDRESS(ResidentAttribute.RESIDENTIAL_ADDRESS, true),
    MOBILE_NUMBER(ResidentAttribute.MOBILE_NUMBER, false),
    EMAIL(UserModel.EMAIL, false);

    private final String attribute;
    private final boolean checkedAtCounter;

    DigitalIdAttribute(String attribute, boolean checkedAtCounter) {
        this.attribute = attribute;
        this.checkedAtCounter = checkedAtCounter;
    }

    /** The user attribute's name, also the name in the API's answer and the catalogue's {@code prefill}. */
    public String attribute() {
        return attribute;
    }

    public boolean checkedAtCounter() {
        return checkedAtCounter;
    }

    /**
     * The resident's value, empty when the account has none. A self-registered account's email address or mobile
     * number is its login name (the contact given at registration), used when the attribute itself is not set.
     */
    public Optional<String> valueOf(UserModel user) {
        String value = this == EMAIL ? user.getEmail() : user.getFirstAttribute(attribute);
        if (value == null && user.getUsername() != null) {
            value = switch (this) {
                case EMAIL -> user.getUsername().contains("@") ? user.getUsername() : null;
                case MOBILE_NUMBER -> HONG_KONG_MOBILE.matcher(user.getUsername()).matches() ? user.getUsername() : null;
                default -> null;
            };
        }
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    /** A mobile number as the realm's registration accepts it for a login name. */
    private static final Pattern HONG_KONG_MOBILE = Pattern.compile("(\\+852)?[4-9][0-9]{7}");
}
