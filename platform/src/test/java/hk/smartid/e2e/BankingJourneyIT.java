package hk.smartid.e2e;

import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Banking Made Easy as a resident lives it, in Chromium with a virtual passkey: a verified resident opens an
 * account at the sample bank (its own process), approves what is shared, sees the consent and the
 * disclosure in the portal, revokes, and the bank's next fetch is refused.
 */
@ExtendWith(RunningPlatform.class)
class BankingJourneyIT {

    private static final String BIRTH = "1962-11-05";

    private final String portal;
    private final String bank;
    private final StaffConsoleClient staff;

    BankingJourneyIT(Platform platform) throws Exception {
        this.portal = platform.settings().portalUrl().toString();
        this.bank = platform.settings().bankUrl().toString();
        this.staff = StaffConsoleClient.forCounterStaff(platform, "Sha Tin");
    }

    @Test
    void shouldOpenAnAccountWithConsentedDataAndStopTheBankByRevoking() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        String code = staff.enrol(hkid, BIRTH);

        try (ResidentBrowser phone = new ResidentBrowser()) {
            phone.activate(portal, hkid, BIRTH, code);
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");

            phone.open(bank + "/");
            phone.click(By.id("open-account"));
            // A bank asks for loa-verified: the resident confirms with the passkey even with a SmartID session.
            phone.confirmWithPasskey();
            WebElement consent = phone.find(By.id("smartid-consent-form"));
            assertThat(phone.pageText()).contains("Sample Bank", HkidNumber.of(hkid).toString(), "陳大文");
            phone.click(By.id("smartid-consent-approve"));

            phone.awaitUrlStartingWith(bank + "/account");
            WebElement hkidField = phone.find(By.id("field-hkid_number"));
            assertThat(hkidField.getAttribute("value")).isEqualTo(HkidNumber.of(hkid).toString());
            assertThat(hkidField.getAttribute("readonly")).isNotNull();
            assertThat(phone.find(By.id("field-name_zh")).getAttribute("value")).isEqualTo("陳大文");
            assertThat(phone.find(By.id("field-birthdate")).getAttribute("value")).isEqualTo(BIRTH);
            String disclosureId = phone.find(By.id("disclosure-id")).getText();
            assertThat(disclosureId).isNotBlank();

            phone.open(portal + "/data-sharing");
            WebElement row = phone.find(By.cssSelector("tr[data-testid=consent][data-client-id=sample-bank]"));
            assertThat(row.getText()).contains("Sample Bank");
            assertThat(row.findElement(By.cssSelector("[data-testid=consent-status]")).getText()).containsIgnoringCase("active");
            assertThat(phone.find(By.id("disclosures")).getText()).contains(disclosureId, "Sample Bank");
            // The portal checks the disclosure's inclusion proof in a signed head of the log; the head is signed within
            // about half a second, so the page is opened again while it says pending.
            By logState = By.cssSelector("tr[data-testid=disclosure] [data-testid=disclosure-log]");
            java.time.Instant giveUp = java.time.Instant.now().plusSeconds(60);
            while ("pending".equals(phone.find(logState).getAttribute("data-log-state")) && java.time.Instant.now().isBefore(giveUp)) {
                phone.open(portal + "/data-sharing");
            }
            assertThat(phone.find(logState).getAttribute("data-log-state")).isEqualTo("verified");
            row = phone.find(By.cssSelector("tr[data-testid=consent][data-client-id=sample-bank]"));

            row.findElement(By.cssSelector("[data-testid=consent-revoke]")).click();
            phone.click(By.id("confirm-revoke"));
            assertThat(phone.testId("data-sharing-message").getText()).contains("Sample Bank");
            assertThat(phone.find(By.cssSelector("tr[data-testid=consent][data-client-id=sample-bank] [data-testid=consent-status]"))
                    .getText()).containsIgnoringCase("revoked");

            phone.open(bank + "/account");
            phone.click(By.id("fetch-again"));
            phone.find(By.id("notice-refused"));
        }
    }
}
