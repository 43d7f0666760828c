package hk.smartid.e2e;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hk.smartid.banking.TestBank;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 AA on every page a resident or staff member sees, checked by Deque's axe in Chromium (every WCAG 2.0/2.1
 * A and AA rule it has, experimental ones included): the portal, our Keycloak theme and the sample bank, each reached
 * the way people reach it and shown in each of the three languages (en, zh-HK, zh-CN). Each test walks a journey,
 * checks every page on the way and then fails listing each
 * violation (rule, impact, elements, page).
 */
@ExtendWith(RunningPlatform.class)
class AccessibilityIT {

    private static final String BIRTH = "1970-04-12";

    private final Platform platform;
    private final String portal;
    private final String idp;
    private final String bank;
    private final AccessibilityAudit audit = new AccessibilityAudit();

    AccessibilityIT(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
        this.bank = platform.settings().bankUrl().toString();
    }

    /** The e-service catalogue: home, a category, a service applied for online and one that is not, searches. */
    private static final List<String> CATALOGUE_PAGES = List.of("/services/", "/services/category?id=transport",
            "/services/service?id=driving-licence-renewal", "/services/service?id=disability-allowance",
            "/services/search?q=" + URLEncoder.encode("生果金", StandardCharsets.UTF_8), "/services/search?q=drving+licnse",
            "/services/search?q=zzzz");

    @Test
    void shouldMeetWcagOnThePortalsPublicPagesInEveryLanguage() {
        try (ResidentBrowser browser = new ResidentBrowser()) {
            for (String language : new String[] {"en", "zh-HK", "zh-CN"}) {
                browser.open(portal + "/");
                choosePortalLanguage(browser, language);
                audit.check(browser, "portal home [" + language + "]");
                askTheChat(browser, language);
                audit.check(browser, "portal home with the chat open and answered [" + language + "]");
                for (String page : CATALOGUE_PAGES) {
                    browser.open(portal + page);
                    browser.testId("page-title");
                    audit.check(onPageIn(browser, language), "catalogue " + page + " [" + language + "]");
                }
            }
            browser.open(portal + "/no-such-page");
            browser.testId("page-title");
            audit.check(browser, "portal error page (404)");
        }
        audit.assertNoViolations();
    }

    /** A self-registered resident: the IdP's login, registration and passkey pages, then their own pages. */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh-HK", "zh-CN"})
    void shouldMeetWcagFromRegistrationToTheResidentsOwnPages(String language) throws Exception {
        String contact = "a11y-" + UUID.randomUUID() + "@example.hk";
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/");
            choosePortalLanguage(browser, language);
            browser.open(portal + "/login");
            browser.awaitUrlStartingWith(idp);
            browser.find(By.id("authenticateWebAuthnButton"));
            audit.check(onPageIn(browser, language), "IdP passkey login");

            browser.click(By.cssSelector("#kc-registration a"));
            browser.find(By.id("username"));
            audit.check(onPageIn(browser, language), "IdP registration form");
            browser.click(By.cssSelector("#kc-form-buttons [type=submit]"));
            browser.find(By.id("input-error-username"));
            audit.check(onPageIn(browser, language), "IdP registration form with field errors");
            browser.find(By.id("username")).sendKeys(contact);
            browser.find(By.id("firstName")).sendKeys("Lee Siu Fong");
            browser.click(By.cssSelector("#kc-form-buttons [type=submit]"));
            browser.find(ResidentBrowser.PASSKEY_NAME);
            audit.check(onPageIn(browser, language), "IdP passkey registration");

            browser.registerPasskey();
            browser.awaitUrlStartingWith(portal + "/dashboard");
            browser.testId("assurance-level");
            audit.check(onPageIn(browser, language), "portal dashboard");
            browser.open(portal + "/passkeys");
            browser.testId("page-title");
            audit.check(onPageIn(browser, language), "portal My passkeys");
            browser.open(portal + "/activity");
            browser.testId("page-title");
            audit.check(onPageIn(browser, language), "portal Recent logins");

            // A bank asks a self-declared identity for data: the IdP explains how to get verified.
            TestBank testBank = TestBank.register(platform);
            browser.open(testBank.authorizationUrl(new CodeVerifier(), TestBank.ITEMS, language).toString());
            browser.confirmWithPasskey();
            browser.find(By.id("smartid-verify-steps"));
            audit.check(onPageIn(browser, language), "IdP how to get verified");

            // Given the staff role by mistake, the self-declared person is told to get verified first.
            KeycloakAdmin admin = new KeycloakAdmin(platform);
            admin.grantRealmRole(admin.userIdByUsername(contact), "counter-staff");
            browser.open(portal + "/dashboard");
            browser.logOut();
            browser.open(portal + "/staff/index");
            browser.awaitUrlStartingWith(idp);
            browser.confirmWithPasskey();
            browser.awaitUrlStartingWith(portal + "/verification-needed");
            browser.testId("verification-needed");
            audit.check(onPageIn(browser, language), "portal verification needed");
        }
        audit.assertNoViolations();
    }

    /**
     * A resident enrolled at a counter: the activation page (with the errors people meet), then opening an
     * account at the sample bank (consent page, account form), My data sharing, revoking, and the bank's notices.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh-HK", "zh-CN"})
    void shouldMeetWcagFromActivationToOpeningABankAccountAndRevoking(String language) throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        // The language the resident asked for at the counter: once activated, the IdP speaks it (the account's own setting).
        String code = StaffConsoleClient.forCounterStaff(platform, "Sham Shui Po").enrol(hkid, BIRTH, language);
        try (ResidentBrowser phone = new ResidentBrowser()) {
            phone.open(portal + "/");
            choosePortalLanguage(phone, language);
            phone.open(portal + "/activate?code=" + code);
            phone.find(By.id("activationCode"));
            audit.check(onPageIn(phone, language), "IdP activation");

            phone.submitActivation(wrongCheckDigit(hkid), BIRTH, code);
            phone.find(By.id("input-error-hkidNumber"));
            audit.check(onPageIn(phone, language), "IdP activation with a field error");
            phone.submitActivation(hkid, "1971-01-01", code);
            phone.find(By.cssSelector("[role='alert']"));
            audit.check(onPageIn(phone, language), "IdP activation with details that do not match");

            phone.submitActivation(hkid, BIRTH, code);
            phone.find(ResidentBrowser.PASSKEY_NAME);
            audit.check(onPageIn(phone, language), "IdP passkey registration after activation");
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");

            phone.open(bank + "/?lang=" + language);
            phone.find(By.id("open-account"));
            audit.check(onPageIn(phone, language), "bank home");
            phone.click(By.id("open-account"));
            phone.confirmWithPasskey();
            phone.find(By.id("smartid-consent-form"));
            audit.check(onPageIn(phone, language), "IdP consent");
            phone.click(By.id("smartid-consent-approve"));
            phone.awaitUrlStartingWith(bank + "/account");
            phone.find(By.id("disclosure-id"));
            audit.check(onPageIn(phone, language), "bank account form");

            phone.open(portal + "/data-sharing");
            phone.find(By.id("disclosures"));
            audit.check(onPageIn(phone, language), "portal My data sharing");
            phone.click(By.cssSelector("tr[data-testid=consent][data-client-id=sample-bank] [data-testid=consent-revoke]"));
            phone.find(By.id("confirm-revoke"));
            audit.check(onPageIn(phone, language), "portal My data sharing, confirming a revocation");
            phone.click(By.id("confirm-revoke"));
            phone.testId("data-sharing-message");
            audit.check(onPageIn(phone, language), "portal My data sharing after revoking");

            phone.open(bank + "/account");
            phone.click(By.id("fetch-again"));
            phone.find(By.id("notice-refused"));
            audit.check(onPageIn(phone, language), "bank refused notice");
            phone.open(bank + "/declined");
            phone.find(By.id("notice-declined"));
            audit.check(onPageIn(phone, language), "bank declined notice");
        }
        audit.assertNoViolations();
    }

    /**
     * Applying online as a verified resident: the pre-filled form, the form with field errors, a form with a select,
     * date picker, checkbox and a fee, the review, the receipt, My applications and the application's detail.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh-HK", "zh-CN"})
    void shouldMeetWcagWhenApplyingOnlineAndFollowingTheApplication(String language) throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        String code = StaffConsoleClient.forCounterStaff(platform, "Kwun Tong").enrol(hkid, BIRTH, language);
        try (ResidentBrowser phone = new ResidentBrowser()) {
            phone.open(portal + "/");
            choosePortalLanguage(phone, language);
            phone.activate(portal, hkid, BIRTH, code);
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");

            phone.open(portal + "/services/service?id=old-age-living-allowance");
            phone.click(By.cssSelector("[data-testid='apply-online']"));
            phone.testId("apply-review");
            audit.check(onPageIn(phone, language), "portal apply form (pre-filled)");
            phone.click(By.cssSelector("[data-testid='apply-review']"));
            phone.testId("error-summary");
            audit.check(onPageIn(phone, language), "portal apply form with field errors");

            phone.open(portal + "/apply?service=leisure-facility-booking");
            phone.testId("apply-review");
            audit.check(onPageIn(phone, language), "portal apply form (select, date, checkbox, fee)");

            phone.open(portal + "/apply?service=old-age-living-allowance");
            phone.click(By.cssSelector("[data-testid='field-allowanceType'] label"));
            phone.testId("input-bankAccountNumber").sendKeys("012-345678-001");
            phone.click(By.cssSelector("[data-testid='apply-review']"));
            phone.testId("review");
            audit.check(onPageIn(phone, language), "portal apply review");
            phone.click(By.cssSelector("[data-testid='apply-submit']"));
            phone.testId("reference");
            audit.check(onPageIn(phone, language), "portal application receipt");

            phone.open(portal + "/applications");
            phone.testId("applications");
            audit.check(onPageIn(phone, language), "portal My applications");
            phone.click(By.cssSelector("[data-testid^='application-SID'] a"));
            phone.testId("history");
            audit.check(onPageIn(phone, language), "portal application detail");
        }
        audit.assertNoViolations();
    }

    @Test
    void shouldMeetWcagOnTheStaffConsoleAndTheAuditTrail() throws Exception {
        try (ResidentBrowser counter = loggedInWithRole("counter-staff", "Tai Po")) {
            counter.open(portal + "/staff/index");
            counter.testId("enrol-submit");
            // Every language on one login; the console's later states in the language most counters speak.
            for (String language : new String[] {"en", "zh-CN", "zh-HK"}) {
                choosePortalLanguage(counter, language);
                counter.testId("enrol-submit");
                audit.check(counter, "staff console [" + language + "]");
            }

            String hkid = StaffConsoleClient.randomHkid();
            counter.testId("enrol-hkid").sendKeys(wrongCheckDigit(hkid));
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));
            counter.testId("error-hkidNumber");
            audit.check(onPageIn(counter, "zh-HK"), "staff console enrolment with field errors [zh-HK]");

            counter.testId("enrol-hkid").clear();
            counter.testId("enrol-hkid").sendKeys(hkid);
            counter.testId("enrol-surname").clear();
            counter.testId("enrol-surname").sendKeys("Cheung");
            counter.testId("enrol-given-names").clear();
            counter.testId("enrol-given-names").sendKeys("Mei Ling");
            counter.testId("enrol-birth").clear();
            counter.testId("enrol-birth").sendKeys("1988-08-08");
            new Select(counter.testId("enrol-gender")).selectByValue("F");
            counter.testId("enrol-address").clear();
            counter.testId("enrol-address").sendKeys("3 Tai Po Road, Tai Po");
            counter.testId("enrol-mobile").clear();
            counter.testId("enrol-mobile").sendKeys(StaffConsoleClient.randomMobile());
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));
            counter.testId("activation-code");
            audit.check(onPageIn(counter, "zh-HK"), "staff console issued code [zh-HK]");

            counter.open(portal + "/staff/index");
            counter.testId("find-hkid").sendKeys(hkid);
            counter.click(By.cssSelector("[data-testid='find-submit']"));
            counter.testId("resident-record");
            audit.check(onPageIn(counter, "zh-HK"), "staff console resident found [zh-HK]");
        }
        try (ResidentBrowser auditor = loggedInWithRole("auditor", "Audit Office")) {
            auditor.open(portal + "/audit/index");
            auditor.testId("audit-trail");
            for (String language : new String[] {"en", "zh-HK", "zh-CN"}) {
                choosePortalLanguage(auditor, language);
                auditor.testId("audit-trail");
                audit.check(auditor, "portal audit trail [" + language + "]");
            }
        }
        audit.assertNoViolations();
    }

    /** Opens the chat widget and asks a question in the page's language, to check the panel with an answer. */
    private static void askTheChat(ResidentBrowser browser, String language) {
        browser.testId("chat-toggle").click();
        browser.testId("chat-input").sendKeys(switch (language) {
            case "zh-HK" -> "點樣續牌？\n";
            case "zh-CN" -> "怎么续领驾驶执照？\n";
            default -> "How do I renew my driving licence?\n";
        });
        browser.find(By.cssSelector(".chat__message--bot"));
    }

    /**
     * An officer's work queue and application page (with its field error) and a resident's messages (the inbox with
     * the unread count, one message), each in every language; the officer works at a desktop screen.
     */
    @Test
    void shouldMeetWcagOnTheOfficersWorkQueueAndTheResidentsMessages() throws Exception {
        PortalAccounts accounts = new PortalAccounts(platform);
        try (ResidentBrowser resident = accounts.verifiedResident(); ResidentBrowser officer = accounts.officer("SWD")) {
            OnlineApplication application = OnlineApplication.apply(resident, portal, "senior-citizen-card",
                    Map.of("applicationType", 0));
            for (String language : new String[] {"en", "zh-HK", "zh-CN"}) {
                officer.open(portal + "/officer/");
                choosePortalLanguage(officer, language);
                OfficerWorkQueueIT.findInQueue(officer, portal, application.reference());
                officer.testId("queue-row-" + application.reference());
                audit.check(onPageIn(officer, language), "officer work queue [" + language + "]");
                officer.open(portal + "/officer/application?id=" + application.id());
                officer.testId("officer-change-to");
                audit.check(onPageIn(officer, language), "officer application [" + language + "]");
                new Select(officer.testId("officer-change-to")).selectByValue("IN_PROGRESS");
                officer.click(By.cssSelector("[data-testid='officer-change-submit']"));
                officer.testId("officer-status-changed");
                audit.check(onPageIn(officer, language), "officer application, status changed [" + language + "]");
                new Select(officer.testId("officer-change-to")).selectByValue("REJECTED");
                officer.click(By.cssSelector("[data-testid='officer-change-submit']"));
                officer.testId("error-note");
                audit.check(onPageIn(officer, language), "officer application with a field error [" + language + "]");
                if (!language.equals("zh-CN")) {
                    new Select(officer.testId("officer-change-to")).selectByValue("MORE_INFORMATION_NEEDED");
                    officer.testId("officer-change-note").sendKeys("Please send a photo.");
                    officer.click(By.cssSelector("[data-testid='officer-change-submit']"));
                    officer.testId("officer-status-changed");
                }
            }
            for (String language : new String[] {"en", "zh-HK", "zh-CN"}) {
                resident.open(portal + "/notifications");
                choosePortalLanguage(resident, language);
                resident.testId("unread-count");
                audit.check(resident, "portal messages [" + language + "]");
                resident.click(By.cssSelector("[data-testid='notification-open']"));
                resident.testId("notification-text");
                audit.check(onPageIn(resident, language), "portal one message [" + language + "]");
            }
        }
        audit.assertNoViolations();
    }

    /**
     * Paying a fee: the receipt with the FPS QR code and its details opened, the sample bank's bill payment form
     * (also with its error), the bank's "paid" notice, and the receipt once paid.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh-HK", "zh-CN"})
    void shouldMeetWcagWhenPayingAFee(String language) throws Exception {
        try (ResidentBrowser phone = new ResidentBrowser()) {
            phone.open(portal + "/");
            choosePortalLanguage(phone, language);
            phone.open(portal + "/login");
            phone.awaitUrlStartingWith(idp);
            phone.startRegistration("resident-" + UUID.randomUUID() + "@example.hk", "Fee Payer");
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");

            phone.open(portal + "/apply?service=land-search");
            phone.click(By.cssSelector("[data-testid='field-searchBy'] label"));
            phone.driver.executeScript("const select = arguments[0].querySelector('select'); select.value = 'current';"
                    + " select.dispatchEvent(new Event('change'));", phone.testId("field-searchType"));
            var email = phone.find(By.cssSelector("[data-testid='field-email'] input:not([type=hidden])"));
            if (email.getAttribute("value").isEmpty()) {
                email.sendKeys("payer@example.hk");
            }
            phone.click(By.cssSelector("[data-testid='apply-review']"));
            phone.testId("review");
            phone.click(By.cssSelector("[data-testid='apply-submit']"));
            phone.testId("payment-qr");
            String receipt = phone.url();
            String reference = phone.testId("reference").getText();
            phone.click(By.cssSelector("[data-testid='payment-details'] summary"));
            phone.testId("payment-payload");
            audit.check(onPageIn(phone, language), "portal receipt with the FPS QR code");

            phone.open(bank + "/pay-bill?lang=" + language);
            phone.find(By.id("pay-bill"));
            audit.check(onPageIn(phone, language), "bank bill payment form");
            phone.find(By.id("bill-amount")).sendKeys("ten");
            phone.find(By.id("bill-reference")).sendKeys(reference);
            phone.click(By.id("pay-bill"));
            phone.find(By.id("bill-error"));
            audit.check(onPageIn(phone, language), "bank bill payment form with its error");
            phone.find(By.id("bill-amount")).clear();
            phone.find(By.id("bill-amount")).sendKeys("10.00");
            phone.click(By.id("pay-bill"));
            phone.find(By.id("bill-paid"));
            audit.check(onPageIn(phone, language), "bank bill paid notice");

            phone.open(receipt);
            phone.find(By.cssSelector("[data-testid='payment-status'][data-status='paid']"));
            audit.check(onPageIn(phone, language), "portal receipt, fee paid");
        }
        audit.assertNoViolations();
    }

    /** Chooses the language with the portal's switch, which the portal also passes on to the IdP. */
    private static void choosePortalLanguage(ResidentBrowser browser, String language) {
        browser.click(By.cssSelector("[data-testid='lang-" + language + "']"));
        browser.find(By.cssSelector("[data-testid='lang-" + language + "'][aria-current='true']"));
        onPageIn(browser, language);
    }

    /** Makes sure the page is in the language under test, so the audit checks what its readers see. */
    private static ResidentBrowser onPageIn(ResidentBrowser browser, String language) {
        Object lang = browser.driver.executeScript("return document.documentElement.lang");
        assertThat((String) lang).as("language of " + browser.url()).isEqualToIgnoringCase(language);
        return browser;
    }

    private static String wrongCheckDigit(String hkid) {
        char digit = hkid.charAt(hkid.length() - 2);
        return hkid.substring(0, hkid.length() - 2) + (digit == '0' ? '1' : '0') + ")";
    }

    /** Staff as they come to work: enrolled, given {@code role} by an administrator, logged in with their passkey. */
    private ResidentBrowser loggedInWithRole(String role, String branch) throws Exception {
        StaffConsoleClient enrolmentTerminal = StaffConsoleClient.forCounterStaff(platform, branch);
        String hkid = StaffConsoleClient.randomHkid();
        String code = enrolmentTerminal.enrol(hkid, BIRTH);
        String staffId = enrolmentTerminal.find(hkid);
        KeycloakAdmin admin = new KeycloakAdmin(platform);
        admin.grantRealmRole(staffId, role);
        admin.setAttribute(staffId, "counter_branch", branch);

        ResidentBrowser browser = new ResidentBrowser();
        // Staff work at a counter's desktop screen, not on a phone.
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        browser.activate(portal, hkid, BIRTH, code);
        browser.registerPasskey();
        browser.awaitUrlStartingWith(portal + "/dashboard");
        return browser;
    }
}
