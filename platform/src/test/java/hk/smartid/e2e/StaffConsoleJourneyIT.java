package hk.smartid.e2e;

import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole counter journey in two browsers: a staff member logs in to the portal's console with their
 * own passkey and enrols a resident; the resident activates on their own phone.
 */
@ExtendWith(RunningPlatform.class)
class StaffConsoleJourneyIT {

    private static final String BIRTH = "1961-07-02";
    private static final String MAX_AUTH_AGE = "smartid.staffMaxAuthAge";

    private final Platform platform;
    private final String portal;
    private final String idp;

    StaffConsoleJourneyIT(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
    }

    @Test
    void shouldLetStaffEnrolAResidentWhoThenActivatesOnTheirOwnPhone() throws Exception {
        try (ResidentBrowser counter = staffLoggedIn("Central"); ResidentBrowser phone = new ResidentBrowser()) {
            counter.open(portal + "/staff/index");
            String hkid = StaffConsoleClient.randomHkid();
            fillEnrolment(counter, hkid, "Wong", "Siu Ming", StaffConsoleClient.randomMobile());
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));

            String code = counter.testId("activation-code").getText().trim();
            assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
            assertThat(counter.testId("activation-qr").isDisplayed()).isTrue();

            phone.activate(portal, hkid, "1949-10-01", code);
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(phone.testId("assurance-level").getText()).contains("loa-verified");
            assertThat(phone.testId("resident-name").getText()).contains("Siu Ming WONG");
        }
    }

    @Test
    void shouldVerifyASelfRegisteredAccountAtTheCounterKeepingItsPasskey() throws Exception {
        String mobile = StaffConsoleClient.randomMobile();
        try (ResidentBrowser phone = new ResidentBrowser(); ResidentBrowser counter = staffLoggedIn("Tuen Mun")) {
            phone.open(portal + "/login");
            phone.awaitUrlStartingWith(idp);
            phone.startRegistration(mobile, "Ho Ka Yan");
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(phone.testId("assurance-level").getText()).contains("loa-basic");
            phone.logOut();

            counter.open(portal + "/staff/index");
            fillEnrolment(counter, StaffConsoleClient.randomHkid(), "Ho", "Ka Yan", mobile);
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));
            counter.awaitTextContaining(By.cssSelector("[data-testid='staff-message']"), "registered online");
            counter.click(By.cssSelector("[data-testid='enrol-verify-existing']"));
            counter.awaitTextContaining(By.cssSelector("[data-testid='staff-message']"), "now verified");

            // The same passkey opens the same account, now verified.
            phone.open(portal + "/login");
            phone.click(By.id("authenticateWebAuthnButton"));
            phone.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(phone.testId("assurance-level").getText()).contains("loa-verified");
            assertThat(phone.authenticator.getCredentials()).hasSize(1);
        }
    }

    @Test
    void shouldFindAResidentAndIssueANewCodeOnlyAfterTheCardIsCheckedAgain() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        StaffConsoleClient.forCounterStaff(platform, "Kwun Tong").enrol(hkid, "1975-05-05");
        try (ResidentBrowser counter = staffLoggedIn("Kwun Tong")) {
            counter.open(portal + "/staff/index");
            counter.testId("find-hkid").sendKeys(hkid);
            counter.click(By.cssSelector("[data-testid='find-submit']"));
            assertThat(counter.testId("resident-record").getText()).contains("CHAN").contains("1975-05-05");

            counter.click(By.cssSelector("[data-testid='reissue-submit']"));
            assertThat(counter.testId("error-reissueConfirm").isDisplayed()).isTrue();
            assertThat(counter.driver.findElements(By.cssSelector("[data-testid='activation-code']"))).isEmpty();

            counter.click(By.cssSelector("[data-testid='reissue-confirm']"));
            counter.click(By.cssSelector("[data-testid='reissue-submit']"));
            assertThat(counter.testId("activation-code").getText()).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        }
    }

    @Test
    void shouldShowAnAuditorEveryStaffActionAndRefuseTheTrailToStaff() throws Exception {
        StaffConsoleClient.forCounterStaff(platform, "Yuen Long").enrol(StaffConsoleClient.randomHkid(), BIRTH);
        try (ResidentBrowser auditor = loggedInWithRole("auditor", "Audit Office");
             ResidentBrowser counter = staffLoggedIn("Yuen Long")) {
            auditor.open(portal + "/audit/index");
            assertThat(auditor.testId("audit-trail").getText()).contains("Enrol").contains("Yuen Long").contains("Done");

            counter.open(portal + "/audit/index");
            assertThat(counter.testId("page-title").getText()).contains("cannot view");
            assertThat(counter.driver.findElements(By.cssSelector("[data-testid='audit-trail']"))).isEmpty();
        }
    }

    @Test
    void shouldShowTheFieldErrorOfAWrongCheckDigitAndKeepWhatWasTyped() throws Exception {
        try (ResidentBrowser counter = staffLoggedIn("Sha Tin")) {
            counter.open(portal + "/staff/index");
            String valid = StaffConsoleClient.randomHkid();
            String wrong = valid.substring(0, valid.length() - 2) + (valid.charAt(valid.length() - 2) == '0' ? '1' : '0') + ")";
            counter.testId("enrol-hkid").sendKeys(wrong);
            counter.testId("enrol-surname").sendKeys("Lee");
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));

            assertThat(counter.testId("error-hkidNumber").getText()).contains("check digit");
            assertThat(counter.testId("enrol-surname").getAttribute("value")).isEqualTo("Lee");
            assertThat(counter.driver.findElements(By.cssSelector("[data-testid='activation-code']"))).isEmpty();
        }
    }

    @Test
    void shouldSendStaffWhoseLoginIsTooOldToLogInAgainWithTheirPasskeyBeforeEnrolling() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(platform);
        String maxAuthAge = admin.realmAttribute(MAX_AUTH_AGE);
        try (ResidentBrowser counter = staffLoggedIn("Wan Chai")) {
            long loggedIn = System.nanoTime();
            // An administrator allows enrolment only within 12 seconds of a staff login.
            admin.setRealmAttribute(MAX_AUTH_AGE, "12");
            counter.open(portal + "/staff/index");
            String hkid = StaffConsoleClient.randomHkid();
            fillEnrolment(counter, hkid, "Lam", "Wai Kit", StaffConsoleClient.randomMobile());
            // The login must be older than the limit: waiting is the point of this test.
            Thread.sleep(Math.max(0, 13_000 - (System.nanoTime() - loggedIn) / 1_000_000));
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));

            // Refused by the IdP: the console sends the staff member to log in again, passkey only.
            counter.awaitUrlStartingWith(idp);
            assertThat(counter.url()).contains("max_age=12");
            counter.click(By.id("authenticateWebAuthnButton"));
            counter.awaitUrlStartingWith(portal + "/staff/");
            assertThat(counter.driver.findElements(By.cssSelector("[data-testid='activation-code']"))).isEmpty();

            // With a fresh login the same enrolment goes through: the refused one created nothing.
            fillEnrolment(counter, hkid, "Lam", "Wai Kit", StaffConsoleClient.randomMobile());
            counter.click(By.cssSelector("[data-testid='enrol-submit']"));
            assertThat(counter.testId("activation-code").getText()).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        } finally {
            admin.setRealmAttribute(MAX_AUTH_AGE, maxAuthAge);
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldExplainHowToGetVerifiedToStaffWhoseIdentityIsOnlySelfDeclared() throws Exception {
            String contact = "self-declared-" + java.util.UUID.randomUUID() + "@example.hk";
            try (ResidentBrowser browser = new ResidentBrowser()) {
                browser.open(portal + "/login");
                browser.awaitUrlStartingWith(idp);
                browser.startRegistration(contact, "Self Declared");
                browser.registerPasskey();
                browser.awaitUrlStartingWith(portal + "/dashboard");
                // An administrator gives the role to an account nobody has checked at a counter.
                KeycloakAdmin admin = new KeycloakAdmin(platform);
                admin.grantRealmRole(admin.userIdByUsername(contact), "counter-staff");
                browser.logOut();

                browser.open(portal + "/staff/index");
                browser.awaitUrlStartingWith(idp);
                assertThat(browser.url()).contains("acr_values=loa-verified");
                browser.click(By.id("authenticateWebAuthnButton"));

                browser.awaitUrlStartingWith(portal + "/verification-needed");
                assertThat(browser.testId("verification-needed").getText()).contains("not verified yet");
                assertThat(browser.driver.findElements(By.cssSelector("[data-testid='enrol-submit']"))).isEmpty();
            }
        }

        @Test
        void shouldRefuseTheConsoleToAResident() throws Exception {
            try (ResidentBrowser resident = new ResidentBrowser()) {
                resident.open(portal + "/login");
                resident.awaitUrlStartingWith(idp);
                resident.startRegistration("resident-" + java.util.UUID.randomUUID() + "@example.hk", "Not Staff");
                resident.registerPasskey();
                resident.awaitUrlStartingWith(portal + "/dashboard");

                resident.open(portal + "/staff/index");

                assertThat(resident.testId("page-title").getText()).contains("cannot view");
                assertThat(resident.driver.findElements(By.cssSelector("[data-testid='enrol-submit']"))).isEmpty();
            }
        }
    }

    /** Types what the HKID card says (and the contact the person gives) into the console's enrolment form. */
    private static void fillEnrolment(ResidentBrowser counter, String hkid, String surname, String givenNames,
                                      String mobile) {
        counter.testId("enrol-hkid").sendKeys(hkid);
        counter.testId("enrol-surname").sendKeys(surname);
        counter.testId("enrol-given-names").sendKeys(givenNames);
        counter.testId("enrol-chinese-name").sendKeys("黃小明");
        counter.testId("enrol-birth").sendKeys("1949-10-01");
        new Select(counter.testId("enrol-gender")).selectByValue("F");
        counter.testId("enrol-address").sendKeys("2 Nathan Road, Kowloon");
        counter.testId("enrol-mobile").sendKeys(mobile);
        new Select(counter.testId("enrol-language")).selectByValue("zh-HK");
    }

    /**
     * A staff member as they come to work: enrolled and activated like any resident, given the
     * counter-staff role (or another) by an administrator, logged in with their own passkey.
     */
    private ResidentBrowser staffLoggedIn(String branch) throws Exception {
        return loggedInWithRole("counter-staff", branch);
    }

    private ResidentBrowser loggedInWithRole(String role, String branch) throws Exception {
        StaffConsoleClient enrolmentTerminal = StaffConsoleClient.forCounterStaff(platform, branch);
        String hkid = StaffConsoleClient.randomHkid();
        String code = enrolmentTerminal.enrol(hkid, BIRTH);
        String staffId = enrolmentTerminal.find(hkid);
        KeycloakAdmin admin = new KeycloakAdmin(platform);
        admin.grantRealmRole(staffId, role);
        admin.setAttribute(staffId, "counter_branch", branch);

        ResidentBrowser browser = new ResidentBrowser();
        browser.activate(portal, hkid, BIRTH, code);
        browser.registerPasskey();
        browser.awaitUrlStartingWith(portal + "/dashboard");
        return browser;
    }
}
