package hk.smartid.chatbot.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void identityCardNumbersInTheirUsualForms() {
        assertThat(Redaction.redact("HKID A123456(7) please")).isEqualTo("HKID [HKID] please");
        assertThat(Redaction.redact("my id is a1234563")).isEqualTo("my id is [HKID]");
        assertThat(Redaction.redact("身份證號碼AB987654(A)")).isEqualTo("身份證號碼[HKID]");
        assertThat(Redaction.redact("Z 123456 (3)")).isEqualTo("[HKID]");
    }

    @Test
    void phoneNumbersAndEmails() {
        assertThat(Redaction.redact("call +852 9123 4567 or 21234567")).isEqualTo("call [PHONE] or [PHONE]");
        assertThat(Redaction.redact("電郵 chan.tai-man+hk@mail.example.com.hk 謝謝")).isEqualTo("電郵 [EMAIL] 謝謝");
    }

    @Test
    void leavesFeesYearsAndServiceWordsAlone() {
        String text = "Is the HK$370 fee for 2026 the same as in 2025? Form ID 993 and the $2 fare";
        assertThat(Redaction.redact(text)).isEqualTo(text);
    }
}
