package hk.smartid.e2e;

import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident enrolled at a counter activates SmartID on their own phone. Staff act through the enrolment
 * API with a counter-staff token (the console pages have their own test, {@code StaffConsoleJourneyIT}).
 */
@ExtendWith(RunningPlatform.class)
class CounterEnrolmentJourneyIT {

    private static final String BIRTH = "1958-03-21";
    private static final String VALIDITY = "smartid.activationCodeValidity";

    private final String portal;
    private final String idp;
    private final StaffConsoleClient staff;
    private final KeycloakAdmin admin;

    CounterEnrolmentJourneyIT(Platform platform) throws Exception {
        this.admin = new KeycloakAdmin(platform);
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
        this.staff = StaffConsoleClient.forCounterStaff(platform, "Mong Kok");
    }

    @Test
    void shouldActivateAnEnrolledResidentWithAPasskeyAtVerifiedAssurance() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        String code = staff.enrol(hkid, BIRTH);

        try (ResidentBrowser phone = new ResidentBrowser()) {
            phone.activate(portal, hkid, BIRTH, code);
            phone.registerPasskey();

            phone.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(phone.testId("assurance-level").getText()).contains("loa-verified");
            assertThat(phone.testId("resident-name").getText()).contains("Tai Man CHAN");
            assertThat(phone.driver.findElements(By.cssSelector("[data-testid='name-unverified']"))).isEmpty();
        }
    }

    @Test
    void shouldRevokeTheOldPasskeysWhenAReissuedCodeIsActivated() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        String firstCode = staff.enrol(hkid, BIRTH);
        try (ResidentBrowser lostPhone = new ResidentBrowser(); ResidentBrowser newPhone = new ResidentBrowser()) {
            lostPhone.activate(portal, hkid, BIRTH, firstCode);
            lostPhone.registerPasskey();
            lostPhone.awaitUrlStartingWith(portal + "/dashboard");
            lostPhone.logOut();

            String secondCode = staff.reissue(staff.find(hkid));
            newPhone.activate(portal, hkid, BIRTH, secondCode);
            newPhone.registerPasskey();
            newPhone.awaitUrlStartingWith(portal + "/dashboard");

            // The lost phone still holds its passkey, but the IdP no longer accepts it.
            lostPhone.open(portal + "/login");
            lostPhone.awaitUrlStartingWith(idp);
            lostPhone.click(By.id("authenticateWebAuthnButton"));
            assertThat(lostPhone.find(By.cssSelector("[role='alert']")).getText()).contains("passkey");
            assertThat(lostPhone.url()).startsWith(idp);
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseACodeThatWasAlreadyUsed() throws Exception {
            String hkid = StaffConsoleClient.randomHkid();
            String code = staff.enrol(hkid, BIRTH);
            try (ResidentBrowser first = new ResidentBrowser(); ResidentBrowser second = new ResidentBrowser()) {
                first.activate(portal, hkid, BIRTH, code);
                first.registerPasskey();
                first.awaitUrlStartingWith(portal + "/dashboard");

                second.activate(portal, hkid, BIRTH, code);

                assertThat(second.find(By.id("input-error-activationCode")).getText()).contains("already been used");
                assertThat(second.driver.findElements(By.id("registerWebAuthn"))).isEmpty();
            }
        }

        @Test
        void shouldRefuseAnExpiredCodeAndChangeNothingSoAFreshCodeStillWorks() throws Exception {
            String hkid = StaffConsoleClient.randomHkid();
            String validity = admin.realmAttribute(VALIDITY);
            String expiredCode;
            try {
                // An administrator shortens the lifetime; codes issued from now on last 2 seconds.
                admin.setRealmAttribute(VALIDITY, "2");
                expiredCode = staff.enrol(hkid, BIRTH);
            } finally {
                admin.setRealmAttribute(VALIDITY, validity);
            }
            Thread.sleep(3_000); // past the code's lifetime: expiry is the point of this test
            try (ResidentBrowser phone = new ResidentBrowser()) {
                phone.activate(portal, hkid, BIRTH, expiredCode);

                assertThat(phone.find(By.id("input-error-activationCode")).getText()).contains("expired");
                assertThat(phone.driver.findElements(By.id("registerWebAuthn"))).isEmpty();
                assertThat(phone.authenticator.getCredentials()).isEmpty();

                String freshCode = staff.reissue(staff.find(hkid));
                phone.activate(portal, hkid, BIRTH, freshCode);
                phone.registerPasskey();
                phone.awaitUrlStartingWith(portal + "/dashboard");
                assertThat(phone.testId("assurance-level").getText()).contains("loa-verified");
            }
        }

        @Test
        void shouldLockTheCodeOnTheSixthTryAfterFiveWrongOnes() throws Exception {
            String hkid = StaffConsoleClient.randomHkid();
            String code = staff.enrol(hkid, BIRTH);
            String wrong = code.startsWith("A") ? "BBBB-BBBB" : "AAAA-AAAA";
            try (ResidentBrowser phone = new ResidentBrowser()) {
                phone.open(portal + "/activate");
                for (int attempt = 1; attempt <= 4; attempt++) {
                    phone.submitActivation(hkid, BIRTH, wrong);
                    assertThat(phone.find(By.cssSelector("[role='alert']")).getText()).contains("do not match");
                }
                phone.submitActivation(hkid, BIRTH, wrong);
                assertThat(phone.find(By.id("input-error-activationCode")).getText()).contains("locked");

                // The sixth try, with the right code, is refused too: the code is dead.
                phone.submitActivation(hkid, BIRTH, code);

                assertThat(phone.find(By.id("input-error-activationCode")).getText()).contains("locked");
                assertThat(phone.driver.findElements(By.id("registerWebAuthn"))).isEmpty();
            }
        }

        @Test
        void shouldRefuseAWrongDateOfBirthEvenWithTheRightCode() throws Exception {
            String hkid = StaffConsoleClient.randomHkid();
            String code = staff.enrol(hkid, BIRTH);
            try (ResidentBrowser phone = new ResidentBrowser()) {
                phone.activate(portal, hkid, "1960-01-01", code);

                assertThat(phone.find(By.cssSelector("[role='alert']")).getText()).contains("do not match");
                assertThat(phone.driver.findElements(By.id("registerWebAuthn"))).isEmpty();
            }
        }
    }
}
