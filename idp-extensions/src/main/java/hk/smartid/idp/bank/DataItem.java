package hk.smartid.idp.bank;

import hk.smartid.idp.realm.ResidentAttribute;
import org.keycloak.models.UserModel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One piece of a resident's identity a bank may ask for, as the OAuth scope it asks with
 * (see docs/banking-made-easy.md). Values are released only in the person-data response, never in tokens.
 */
public enum DataItem {
    NAME_EN("person.name_en", "name_en", true),
    NAME_ZH("person.name_zh", "name_zh", true),
    HKID("person.hkid", "hkid_number", true),
    BIRTHDATE("person.birthdate", "birthdate", true),
    GENDER("person.gender", "gender", true),
    ADDRESS("person.address", "residential_address", true),
    MOBILE("person.mobile", "mobile_number", false),
    EMAIL("person.email", "email", false);

    private final String scope;
    private final String claim;
    private final boolean checkedAtCounter;

    DataItem(String scope, String claim, boolean checkedAtCounter) {
        this.scope = scope;
        this.claim = claim;
        this.checkedAtCounter = checkedAtCounter;
    }

    public String scope() {
        return scope;
    }

    /** The claim name inside the person-data response's {@code person} object. */
    public String claim() {
        return claim;
    }

    /** The theme message key naming this item on the consent screen. */
    public String labelKey() {
        return "smartidItem_" + name();
    }

    /**
     * Whether counter staff checked this item against the HKID card; contact details (mobile, email) are
     * only what the resident gave, so they are never released as verified.
     */
    public boolean checkedAtCounter() {
        return checkedAtCounter;
    }

    public static Optional<DataItem> ofScope(String scope) {
        return Arrays.stream(values()).filter(item -> item.scope.equals(scope)).findFirst();
    }

    /** The resident's value of this item, empty when the account has none. */
    public Optional<Object> valueOf(UserModel user) {
        return switch (this) {
            case NAME_EN -> {
                String surname = user.getFirstAttribute(ResidentAttribute.SURNAME_EN);
                String givenNames = user.getFirstAttribute(ResidentAttribute.GIVEN_NAMES_EN);
                if (surname == null && givenNames == null) {
                    yield Optional.empty();
                }
                Map<String, String> name = new LinkedHashMap<>();
                name.put("surname", surname);
                name.put("given_names", givenNames);
                yield Optional.of(name);
            }
            case NAME_ZH -> attribute(user, ResidentAttribute.NAME_ZH);
            case HKID -> attribute(user, ResidentAttribute.HKID_NUMBER);
            case BIRTHDATE -> attribute(user, ResidentAttribute.BIRTHDATE);
            case GENDER -> attribute(user, ResidentAttribute.GENDER);
            case ADDRESS -> attribute(user, ResidentAttribute.RESIDENTIAL_ADDRESS);
            case MOBILE -> attribute(user, ResidentAttribute.MOBILE_NUMBER);
            case EMAIL -> Optional.ofNullable(user.getEmail()).filter(email -> !email.isBlank()).map(Object.class::cast);
        };
    }

    /** The value as one line of text, as the consent screen shows it. */
    public Optional<String> displayValueOf(UserModel user) {
        return valueOf(user).map(value -> value instanceof Map<?, ?> name
                ? name.values().stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(" "))
                : value.toString());
    }

    private static Optional<Object> attribute(UserModel user, String name) {
        return Optional.ofNullable(user.getFirstAttribute(name)).filter(value -> !value.isBlank()).map(Object.class::cast);
    }
}
