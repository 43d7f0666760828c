package hk.smartid.portal.payments;

import hk.smartid.portal.web.QrCode;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The fee part of an application's receipt: the amount, whether it is paid, and while it is not, the FPS QR code
 * with its content in words for whoever cannot scan it. Pure: the texts come from the bundle it is given.
 */
public final class FeeReceipt {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final FpsPaymentCode code;
    private final Instant paidAt;
    private final boolean awaitingPayment;
    private final ResourceBundle text;
    private final Locale locale;

    /**
     * @param code            the application's payment code (its fee, reference and the collecting account)
     * @param awaitingPayment whether the application still waits for the fee
     * @param paidAt          when the fee was paid, or null
     */
    FeeReceipt(FpsPaymentCode code, boolean awaitingPayment, Instant paidAt, ResourceBundle text, Locale locale) {
        this.code = code;
        this.awaitingPayment = awaitingPayment;
        this.paidAt = paidAt;
        this.text = text;
        this.locale = locale;
    }

    /** The fee in the reader's language, e.g. {@code HK$140.00}. */
    public String getFee() {
        return new MessageFormat(text.getString("payment.amount"), locale).format(new Object[]{code.amountText()});
    }

    public String getAmount() {
        return code.amountText();
    }

    public String getReference() {
        return code.reference();
    }

    /** The collecting account's FPS proxy (FPS ID, mobile number or email address), for paying by hand. */
    public String getFpsIdentifier() {
        return code.payee().proxy();
    }

    public String getPayeeName() {
        return code.payee().name();
    }

    /** The QR code's text, shown for whoever cannot scan it and for payers' apps that take pasted codes. */
    public String getPayload() {
        return code.payload();
    }

    public boolean isAwaitingPayment() {
        return awaitingPayment;
    }

    public boolean isPaid() {
        return !awaitingPayment;
    }

    /** When the fee was paid, in Hong Kong time and the reader's language; empty if not known. */
    public String getPaidAt() {
        return paidAt == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(paidAt.atZone(HONG_KONG));
    }

    /** The FPS QR code as inline SVG, its accessible name saying what it pays, in the reader's language. */
    public String getQrSvg() {
        String alt = new MessageFormat(text.getString("payment.qrAlt"), locale)
                .format(new Object[]{getFee(), code.payee().name(), code.reference()});
        return QrCode.svg(code.payload(), alt, "payment-qr");
    }
}
