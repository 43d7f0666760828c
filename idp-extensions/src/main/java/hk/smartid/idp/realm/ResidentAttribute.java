package hk.smartid.idp.realm;

/**
 * The user attributes that hold a resident's identity and its verification (the realm's user profile), and the
 * one staff accounts carry. The assurance level's attribute is {@link hk.smartid.idp.assurance.AssuranceLevel#USER_ATTRIBUTE}.
 */
public final class ResidentAttribute {

    public static final String HKID_NUMBER = "hkid_number";
    public static final String SURNAME_EN = "surname_en";
    public static final String GIVEN_NAMES_EN = "given_names_en";
    public static final String NAME_ZH = "name_zh";
    public static final String BIRTHDATE = "birthdate";
    public static final String GENDER = "gender";
    public static final String RESIDENTIAL_ADDRESS = "residential_address";
    public static final String MOBILE_NUMBER = "mobile_number";
    /** The staff member (Keycloak user id) who checked the identity in person, where and when. */
    public static final String VERIFIED_BY = "verified_by";
    public static final String VERIFIED_BRANCH = "verified_branch";
    public static final String VERIFIED_AT = "verified_at";
    /** Set by administrators on each staff account: the counter branch they work at. */
    public static final String COUNTER_BRANCH = "counter_branch";

    private ResidentAttribute() {
    }
}
