package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import org.keycloak.models.UserModel;

/**
 * One line of the consent screen: a requested data item, the value that would be shared (null when the
 * account has none) and whether that value was checked at a counter. A JavaBean, so the theme template
 * reads it as {@code item.value}.
 */
public final class ConsentScreenItem {

    private final DataItem item;
    private final String value;
    private final boolean verified;

    ConsentScreenItem(DataItem item, String value, boolean verified) {
        this.item = item;
        this.value = value;
        this.verified = verified;
    }

    /**
     * The line for {@code resident}: verified only when counter staff check this kind of item, the account
     * is loa-verified and there is a value to vouch for.
     */
    static ConsentScreenItem of(DataItem item, UserModel resident, boolean accountVerified) {
        String value = item.displayValueOf(resident).orElse(null);
        return new ConsentScreenItem(item, value, accountVerified && item.checkedAtCounter() && value != null);
    }

    public String getScope() {
        return item.scope();
    }

    public String getLabelKey() {
        return item.labelKey();
    }

    public String getValue() {
        return value;
    }

    public boolean isOnRecord() {
        return value != null;
    }

    public boolean isVerified() {
        return verified;
    }
}
