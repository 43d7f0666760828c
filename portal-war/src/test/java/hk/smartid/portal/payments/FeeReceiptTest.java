package hk.smartid.portal.payments;

import hk.smartid.portal.i18n.AllLanguages;
import hk.smartid.portal.i18n.SupportedLanguage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeeReceiptTest {

    private static final FpsPaymentCode CODE = new FpsPaymentCode(new FpsPayee("fees@smartid.example", "HKSAR Government"),
            new BigDecimal("370"), "SID-7K3M-Q9TX-2B");

    @Test
    void anUnpaidFeeShowsTheCodeAndItsContentInTheReadersLanguage() {
        FeeReceipt english = receipt(SupportedLanguage.EN, true, null);
        FeeReceipt hongKong = receipt(SupportedLanguage.ZH_HK, true, null);
        FeeReceipt mainland = receipt(SupportedLanguage.ZH_CN, true, null);

        assertThat(english.getFee()).isEqualTo("HK$370.00");
        assertThat(hongKong.getFee()).isEqualTo("港幣 370.00 元");
        assertThat(mainland.getFee()).isEqualTo("370.00 港元");
        assertThat(english.isAwaitingPayment()).isTrue();
        assertThat(english.getPayload()).isEqualTo(CODE.payload());
        assertThat(english.getReference()).isEqualTo("SID-7K3M-Q9TX-2B");
        assertThat(english.getAmount()).isEqualTo("370.00");
        assertThat(english.getFpsIdentifier()).isEqualTo("fees@smartid.example");
        assertThat(english.getQrSvg()).contains("data-testid=\"payment-qr\"",
                "aria-label=\"FPS payment QR code: HK$370.00 to HKSAR Government, reference SID-7K3M-Q9TX-2B\"");
        assertThat(hongKong.getQrSvg()).contains("aria-label=\"轉數快付款二維碼：向HKSAR Government繳付港幣 370.00 元，參考編號 SID-7K3M-Q9TX-2B\"");
    }

    @Test
    void aPaidFeeSaysWhenInHongKongTime() {
        FeeReceipt paid = receipt(SupportedLanguage.EN, false, Instant.parse("2026-11-27T06:30:00Z"));

        assertThat(paid.isPaid()).isTrue();
        assertThat(paid.getPaidAt()).contains("2:30");
        assertThat(receipt(SupportedLanguage.EN, false, null).getPaidAt()).isEmpty();
    }

    private static FeeReceipt receipt(SupportedLanguage language, boolean awaiting, Instant paidAt) {
        return new FeeReceipt(CODE, awaiting, paidAt, AllLanguages.bundle(language), language.locale());
    }
}
