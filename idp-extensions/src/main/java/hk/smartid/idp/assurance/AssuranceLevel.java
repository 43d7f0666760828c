package hk.smartid.idp.assurance;

import org.keycloak.models.UserModel;

import java.util.Arrays;
import java.util.Optional;

/**
 * How well the IdP knows who a person is. This is a property of the identity, not of one login:
 * {@link #BASIC} for self-registered accounts, {@link #VERIFIED} once counter staff have checked the
 * HKID card in person. The value is what the IdP asserts as the {@code acr} claim.
 */
public enum AssuranceLevel {
    BASIC("loa-basic"),
    VERIFIED("loa-verified");

    /** The user attribute (declared in the realm's user profile) that holds the level. */
    public static final String USER_ATTRIBUTE = "assurance_level";

    private final String acr;

    AssuranceLevel(String acr) {
        this.acr = acr;
    }

    public String acr() {
        return acr;
    }

    /** The level of this account's identity (its {@value #USER_ATTRIBUTE} attribute). */
    public static AssuranceLevel of(UserModel user) {
        return ofAttribute(user.getFirstAttribute(USER_ATTRIBUTE));
    }

    /** The level an attribute value names; anything unknown or absent counts as {@link #BASIC}. */
    public static AssuranceLevel ofAttribute(String value) {
        return fromAcr(value).orElse(BASIC);
    }

    public static Optional<AssuranceLevel> fromAcr(String acr) {
        return Arrays.stream(values()).filter(level -> level.acr.equals(acr)).findFirst();
    }
}
