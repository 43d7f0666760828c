package hk.smartid.e2e;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's whole journey, each step by the person who takes it in their own Chromium: a verified resident searches
 * in Chinese, finds the driving licence renewal, applies with the digital ID's values filled in (verified ones
 * locked), gets a reference and the FPS QR code for the fee; the sample bank pays; an officer of the Transport
 * Department approves; the resident reads the messages and sees the application approved.
 */
@ExtendWith(RunningPlatform.class)
class EServiceJourneyIT {

    private static final String SERVICE = "driving-licence-renewal";

    private final String portal;
    private final String bank;
    private final PortalAccounts accounts;

    EServiceJourneyIT(Platform platform) {
        this.portal = platform.settings().portalUrl().toString();
        this.bank = platform.settings().bankUrl().toString();
        this.accounts = new PortalAccounts(platform);
    }

    @Test
    void aResidentRenewsADrivingLicenceOnlinePaysAndIsApprovedByTheDepartment() throws Exception {
        try (ResidentBrowser resident = accounts.verifiedResident(); ResidentBrowser officer = accounts.officer("TD")) {
            // Found the way a Hong Kong resident types it: colloquial Cantonese, no spaces, in the Chinese portal.
            resident.open(portal + "/services/");
            resident.click(By.cssSelector("[data-testid='lang-zh-HK']"));
            resident.find(By.cssSelector("[data-testid='lang-zh-HK'][aria-current='true']"));
            resident.testId("search-input").sendKeys("續車牌");
            resident.click(By.cssSelector("[data-testid='search-submit']"));
            resident.click(By.cssSelector("[data-testid='search-result'][data-service-id='" + SERVICE + "'] a"));
            resident.click(By.cssSelector("[data-testid='apply-online']"));
            resident.awaitUrlStartingWith(portal + "/apply?service=" + SERVICE);

            // e-ME: the counter-verified values are filled in and locked; the fee is shown before submitting.
            WebElement hkid = resident.testId("input-hkidNumber");
            assertThat(hkid.getAttribute("value")).isNotBlank();
            assertThat(hkid.getAttribute("readonly")).isNotNull();
            assertThat(resident.testId("field-surnameEn").getAttribute("data-verified")).isEqualTo("true");
            assertThat(resident.testId("input-surnameEn").getAttribute("readonly")).isNotNull();
            assertThat(resident.testId("apply-fee").getText()).contains("900");
            resident.driver.executeScript("const select = arguments[0].querySelector('select'); select.value = '10y';"
                    + " select.dispatchEvent(new Event('change'));", resident.testId("field-validityPeriod"));
            resident.click(By.cssSelector("[data-testid='apply-review']"));
            assertThat(resident.testId("review-from-id-surnameEn").getText()).isEqualTo("來自您的SmartID，已核實");
            resident.click(By.cssSelector("[data-testid='apply-submit']"));

            // A reference and the FPS QR code for the fee; the application waits for the payment.
            resident.awaitUrlStartingWith(portal + "/receipt?id=");
            String receipt = resident.url();
            String reference = resident.testId("reference").getText().trim();
            assertThat(resident.testId("receipt-status").getAttribute("data-status")).isEqualTo("AWAITING_PAYMENT");
            assertThat(resident.testId("payment-qr").isDisplayed()).isTrue();
            assertThat(resident.driver.findElement(By.cssSelector("[data-testid='payment-payload']"))
                    .getAttribute("textContent")).contains("5303344", "5406900.00", reference);

            // The resident's bank (the sample bank) pays; its signed notification reaches the portal.
            resident.open(bank + "/pay-bill?lang=en");
            resident.find(By.id("bill-reference")).sendKeys(reference);
            resident.find(By.id("bill-amount")).sendKeys("900.00");
            resident.click(By.id("pay-bill"));
            resident.find(By.id("bill-paid"));
            resident.open(receipt);
            assertThat(resident.testId("receipt-status").getAttribute("data-status")).isEqualTo("SUBMITTED");

            // The Transport Department's officer takes it from the queue and approves it.
            OfficerWorkQueueIT.findInQueue(officer, portal, reference);
            officer.click(By.cssSelector("[data-testid='queue-row-" + reference + "']"));
            assertThat(officer.testId("application-reference").getText()).isEqualTo(reference);
            OfficerWorkQueueIT.changeStatus(officer, "IN_PROGRESS", "");
            OfficerWorkQueueIT.changeStatus(officer, "APPROVED", "Your new licence will be posted to you.");
            assertThat(officer.testId("application-status").getText()).isEqualTo("Approved");

            // The resident reads it in their language, and the application says approved.
            resident.open(portal + "/notifications");
            List<WebElement> messages = resident.driver.findElements(By.cssSelector("[data-testid='notification']"));
            assertThat(messages).hasSize(4);
            assertThat(messages.get(0).getText()).contains(reference).contains("已獲批核");
            assertThat(resident.testId("unread-count").getText()).isEqualTo("4");
            resident.click(By.cssSelector("[data-testid='notification-open']"));
            resident.click(By.cssSelector("[data-testid='notification-application']"));
            resident.awaitUrlStartingWith(portal + "/application?id=");
            assertThat(resident.testId("status").getAttribute("data-status")).isEqualTo("APPROVED");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='history-entry']")))
                    .extracting(entry -> entry.getAttribute("data-status"))
                    .containsExactly("AWAITING_PAYMENT", "SUBMITTED", "IN_PROGRESS", "APPROVED");
        }
    }
}
