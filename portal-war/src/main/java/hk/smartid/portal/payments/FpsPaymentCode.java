package hk.smartid.portal.payments;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The text of the FPS payment QR code for one application's fee: HKMA's Common QR Code Specification for Retail
 * Payments in Hong Kong, i.e. EMVCo's merchant-presented mode, with HKICL's FPS merchant account information.
 * A dynamic code (one per bill) carrying the amount in HKD and the application's reference as bill number, so the
 * payment notification names the application it pays; closed by the CRC a payer's app checks before it reads the
 * rest. Every field is written ID (2 digits), length (2 digits), value.
 *
 * @param payee     the government's collecting account
 * @param amountHkd the fee, more than 0, in dollars with at most 2 decimals
 * @param reference the application's reference (bill number), 1 to 25 printable ASCII characters
 */
public record FpsPaymentCode(FpsPayee payee, BigDecimal amountHkd, String reference) implements Serializable {

    static final String FPS_GLOBALLY_UNIQUE_ID = "hk.com.hkicl";
    /** Merchant category code 9399, Government Services (not elsewhere classified). */
    static final String GOVERNMENT_SERVICES = "9399";
    /** ISO 4217 numeric code of the Hong Kong dollar. */
    static final String HKD = "344";
    static final int MERCHANT_NAME_MAX = 25;
    static final int BILL_NUMBER_MAX = 25;
    private static final int AMOUNT_MAX = 13;

    public FpsPaymentCode {
        if (amountHkd == null || amountHkd.signum() <= 0 || amountHkd.stripTrailingZeros().scale() > 2
                || amountHkd.setScale(2, RoundingMode.UNNECESSARY).toPlainString().length() > AMOUNT_MAX) {
            throw new IllegalArgumentException("An FPS amount is more than 0, with at most 2 decimals and "
                    + AMOUNT_MAX + " characters: " + amountHkd);
        }
        if (reference == null || reference.isEmpty() || reference.length() > BILL_NUMBER_MAX || !isPrintableAscii(reference)) {
            throw new IllegalArgumentException("A bill number is 1 to " + BILL_NUMBER_MAX
                    + " printable ASCII characters: " + reference);
        }
    }

    /** The amount as the code writes it: a point and two decimals, e.g. {@code 140.00}. */
    public String amountText() {
        return amountHkd.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The QR code's text. */
    public String payload() {
        StringBuilder payload = new StringBuilder()
                .append(field("00", "01"))                       // payload format indicator
                .append(field("01", "12"))                       // point of initiation: dynamic, this bill only
                .append(field("26", field("00", FPS_GLOBALLY_UNIQUE_ID)
                        + field(payee.kind().subField, payee.proxy())))
                .append(field("52", GOVERNMENT_SERVICES))
                .append(field("53", HKD))
                .append(field("54", amountText()))
                .append(field("58", "HK"))
                .append(field("59", payee.name()))
                .append(field("60", "Hong Kong"))
                .append(field("62", field("01", reference)))     // additional data: bill number
                .append("6304");                                 // the CRC covers its own ID and length
        return payload.append(crc(payload)).toString();
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("Field " + id + " is longer than 99 characters");
        }
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, not reflected, no final XOR) as 4 upper-case hex digits. */
    static String crc(CharSequence data) {
        int crc = 0xFFFF;
        for (int i = 0; i < data.length(); i++) {
            crc ^= (data.charAt(i) & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format("%04X", crc);
    }

    static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
