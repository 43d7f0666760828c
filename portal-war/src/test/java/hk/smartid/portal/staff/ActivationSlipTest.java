package hk.smartid.portal.staff;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import hk.smartid.portal.web.QrCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationSlipTest {

    private static final ActivationCodeIssued ISSUED =
            new ActivationCodeIssued("5d1c", "ABCD-EFGH", Instant.parse("2026-11-25T04:30:00Z"));

    @Test
    void theActivationLinkIsOnThePortal() {
        assertThat(ActivationLink.of("https://portal.smartid.example", "ABCD-EFGH"))
                .isEqualTo("https://portal.smartid.example/activate?code=ABCD-EFGH");
        assertThat(ActivationLink.of("http://localhost:40080/", "ABCD-EFGH"))
                .isEqualTo("http://localhost:40080/activate?code=ABCD-EFGH");
        assertThat(ActivationLink.of("http://localhost", "A B&C")).isEqualTo("http://localhost/activate?code=A+B%26C");
    }

    @Test
    void theQrCodeReadsAsTheActivationLink() throws Exception {
        String link = ActivationLink.of("http://localhost:40080", "ABCD-EFGH");

        assertThat(decode(QrCode.matrix(link))).isEqualTo(link);
    }

    @Test
    void theSvgHasTheModulesAnAccessibleNameAndTheTestId() {
        String svg = QrCode.svg("http://localhost/activate?code=ABCD-EFGH", "QR \"code\" <of> link", "activation-qr");

        assertThat(svg).startsWith("<svg ").endsWith("</svg>")
                .contains("role=\"img\"", "aria-label=\"QR &quot;code&quot; &lt;of&gt; link\"",
                        "data-testid=\"activation-qr\"", "<title>QR &quot;code&quot; &lt;of&gt; link</title>");
        BitMatrix matrix = QrCode.matrix("http://localhost/activate?code=ABCD-EFGH");
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        assertThat(svg).contains("viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight() + "\"");
    }

    @Test
    void theSlipIsInTheResidentsLanguage() {
        ActivationSlip english = new ActivationSlip(ISSUED, "en", "http://localhost:40080");
        ActivationSlip hongKong = new ActivationSlip(ISSUED, "zh-HK", "http://localhost:40080");
        ActivationSlip mainland = new ActivationSlip(ISSUED, "zh-CN", "http://localhost:40080");

        assertThat(english.getLanguageTag()).isEqualTo("en");
        assertThat(english.getText().getString("staff.slip.title")).isEqualTo("Activate your SmartID");
        assertThat(english.getText().getString("staff.slip.step3")).contains("15 minutes", "only once");
        assertThat(hongKong.getLanguageTag()).isEqualTo("zh-HK");
        assertThat(hongKong.getText().getString("staff.slip.title")).isEqualTo("啟動你的 SmartID");
        assertThat(hongKong.getText().getString("staff.slip.step2")).contains("香港身份證號碼");
        assertThat(mainland.getLanguageTag()).isEqualTo("zh-CN");
        assertThat(mainland.getText().getString("staff.slip.title")).isEqualTo("激活你的 SmartID");
        assertThat(mainland.getText().getString("staff.slip.step2")).contains("香港身份证号码");
        assertThat(mainland.getQrSvg()).contains("aria-label=\"SmartID 激活链接的二维码\"");
    }

    @Test
    void anUnknownLanguageGivesAnEnglishSlip() {
        assertThat(new ActivationSlip(ISSUED, null, "http://x").getLanguageTag()).isEqualTo("en");
        assertThat(new ActivationSlip(ISSUED, "fr", "http://x").getLanguageTag()).isEqualTo("en");
    }

    @Test
    void theSlipShowsCodeLinkAndExpiryInHongKongTime() {
        ActivationSlip slip = new ActivationSlip(ISSUED, "zh-HK", "http://localhost:40080");

        assertThat(slip.getCode()).isEqualTo("ABCD-EFGH");
        assertThat(slip.getActivationLink()).isEqualTo("http://localhost:40080/activate?code=ABCD-EFGH");
        assertThat(slip.getExpiresAt()).isEqualTo("2026-11-25 12:30");
    }

    /** Reads a QR code back from its modules, drawn 4 pixels per module. */
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
        Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels))));
        return result.getText();
    }
}
