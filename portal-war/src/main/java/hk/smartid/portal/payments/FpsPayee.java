package hk.smartid.portal.payments;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Who an FPS payment goes to: the government's collecting account, named by its FPS proxy (an FPS ID of 7 or 9
 * digits, a mobile number written {@code +852-XXXXXXXX}, or an email address), and the name a payer's app shows.
 */
public record FpsPayee(String proxy, String name) implements Serializable {

    private static final Pattern FPS_ID = Pattern.compile("\\d{7}|\\d{9}");
    private static final Pattern MOBILE = Pattern.compile("\\+852-\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[!-~&&[^@]]+@[!-~&&[^@]]+\\.[!-~&&[^@]]+");

    /** The FPS proxy kinds, by their sub-field in the merchant account information (template 26). */
    enum ProxyKind {
        FPS_ID("02"), MOBILE("03"), EMAIL("04");

        final String subField;

        ProxyKind(String subField) {
            this.subField = subField;
        }
    }

    public FpsPayee {
        kindOf(proxy);
        if (name == null || name.isBlank() || name.length() > FpsPaymentCode.MERCHANT_NAME_MAX
                || !FpsPaymentCode.isPrintableAscii(name)) {
            throw new IllegalArgumentException("The payee's name must be 1 to " + FpsPaymentCode.MERCHANT_NAME_MAX
                    + " printable ASCII characters: " + name);
        }
    }

    ProxyKind kind() {
        return kindOf(proxy);
    }

    private static ProxyKind kindOf(String proxy) {
        if (proxy == null) {
            throw new IllegalArgumentException("No FPS proxy for the collecting account");
        }
        if (FPS_ID.matcher(proxy).matches()) {
            return ProxyKind.FPS_ID;
        }
        if (MOBILE.matcher(proxy).matches()) {
            return ProxyKind.MOBILE;
        }
        if (EMAIL.matcher(proxy).matches() && proxy.length() <= 64) {
            return ProxyKind.EMAIL;
        }
        throw new IllegalArgumentException("Not an FPS proxy (an FPS ID of 7 or 9 digits, +852-XXXXXXXX or an email"
                + " address): " + proxy);
    }
}
