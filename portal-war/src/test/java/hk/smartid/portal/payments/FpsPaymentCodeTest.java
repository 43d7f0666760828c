package hk.smartid.portal.payments;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import hk.smartid.portal.web.QrCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FpsPaymentCodeTest {

    private static final FpsPayee GOVERNMENT = new FpsPayee("1234567", "HKSAR Government");

    @Test
    void theCrcIsCrc16CcittFalse() {
        // The standard check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR).
        assertThat(FpsPaymentCode.crc("123456789")).isEqualTo("29B1");
        assertThat(FpsPaymentCode.crc("")).isEqualTo("FFFF");
    }

    @Test
    void thePayloadHasEveryFieldInOrderWithItsLength() {
        String payload = new FpsPaymentCode(GOVERNMENT, new BigDecimal("140"), "SID-7K3M-Q9TX-2B").payload();

        // Each field: two-digit id, two-digit length, value; the CRC (63) last, over everything before its value.
        assertThat(payload).isEqualTo("000201" + "010212"
                + "2627" + "0012hk.com.hkicl" + "02071234567"
                + "52049399" + "5303344" + "5406140.00" + "5802HK" + "5916HKSAR Government" + "6009Hong Kong"
                + "6220" + "0116SID-7K3M-Q9TX-2B"
                + "6304B4A5");
    }

    @Test
    void theProxyKindDecidesTheSubField() {
        assertThat(fields(new FpsPaymentCode(new FpsPayee("fees@smartid.example", "HKSAR Government"),
                BigDecimal.TEN, "R1").payload()).get("26")).isEqualTo("0012hk.com.hkicl" + "0420fees@smartid.example");
        assertThat(fields(new FpsPaymentCode(new FpsPayee("+852-21234567", "HKSAR Government"),
                BigDecimal.TEN, "R1").payload()).get("26")).isEqualTo("0012hk.com.hkicl" + "0313+852-21234567");
        assertThat(fields(new FpsPaymentCode(new FpsPayee("123456789", "HKSAR Government"),
                BigDecimal.TEN, "R1").payload()).get("26")).isEqualTo("0012hk.com.hkicl" + "0209123456789");
    }

    @Test
    void amountsHaveTwoDecimalsAndAPoint() {
        assertThat(code("1").amountText()).isEqualTo("1.00");
        assertThat(code("1055.5").amountText()).isEqualTo("1055.50");
        assertThat(code("0.99").amountText()).isEqualTo("0.99");
        assertThat(code("9999999999.99").amountText()).isEqualTo("9999999999.99");
        assertThatThrownBy(() -> code("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code("10000000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatDoesNotFitTheStandardIsRefused() {
        assertThatThrownBy(() -> new FpsPaymentCode(GOVERNMENT, BigDecimal.TEN, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FpsPaymentCode(GOVERNMENT, BigDecimal.TEN, "X".repeat(26)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FpsPaymentCode(GOVERNMENT, BigDecimal.TEN, "申請")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FpsPayee("12-34", "HKSAR Government")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FpsPayee("21234567", "HKSAR Government")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FpsPayee("1234567", "The Government of the HKSAR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParserReadsBackWhatWasWrittenAndTheCrcChecks() {
        String payload = new FpsPaymentCode(GOVERNMENT, new BigDecimal("1055.5"), "SID-AAAA-BBBB-CC").payload();

        Map<String, String> fields = fields(payload);
        assertThat(fields).containsOnlyKeys("00", "01", "26", "52", "53", "54", "58", "59", "60", "62", "63");
        assertThat(fields.get("00")).isEqualTo("01");
        assertThat(fields.get("01")).isEqualTo("12");
        assertThat(fields(fields.get("26"))).containsExactly(Map.entry("00", "hk.com.hkicl"), Map.entry("02", "1234567"));
        assertThat(fields.get("53")).isEqualTo("344");
        assertThat(new BigDecimal(fields.get("54"))).isEqualByComparingTo("1055.50");
        assertThat(fields.get("58")).isEqualTo("HK");
        assertThat(fields.get("59")).isEqualTo("HKSAR Government");
        assertThat(fields.get("60")).isEqualTo("Hong Kong");
        assertThat(fields(fields.get("62"))).containsExactly(Map.entry("01", "SID-AAAA-BBBB-CC"));
        assertThat(payload).endsWith("6304" + fields.get("63"));
        assertThat(fields.get("63")).isEqualTo(FpsPaymentCode.crc(payload.substring(0, payload.length() - 4)));
    }

    @Test
    void theQrCodeReadsAsThePayload() throws Exception {
        String payload = new FpsPaymentCode(GOVERNMENT, new BigDecimal("140"), "SID-7K3M-Q9TX-2B").payload();

        assertThat(decode(QrCode.matrix(payload))).isEqualTo(payload);
    }

    private static FpsPaymentCode code(String amount) {
        return new FpsPaymentCode(GOVERNMENT, new BigDecimal(amount), "SID-7K3M-Q9TX-2B");
    }

    /** An independent reading of EMVCo's ID-length-value layout: every field once, lengths in two digits. */
    static Map<String, String> fields(String data) {
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length()) {
            String id = data.substring(at, at + 2);
            int length = Integer.parseInt(data.substring(at + 2, at + 4));
            assertThat(fields.put(id, data.substring(at + 4, at + 4 + length))).as("field %s once", id).isNull();
            at += 4 + length;
        }
        assertThat(at).isEqualTo(data.length());
        return fields;
    }

    private static String decode(BitMatrix matrix) throws Exception {
        int scale = 4;
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();
    }
}
