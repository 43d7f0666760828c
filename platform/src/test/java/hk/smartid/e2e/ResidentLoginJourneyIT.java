package hk.smartid.e2e;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a resident does in a browser: register with a passkey, log out, log in again with it alone. */
@ExtendWith(RunningPlatform.class)
class ResidentLoginJourneyIT {

    private static final By PASSKEY_LOGIN = By.id("authenticateWebAuthnButton");
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final String portal;
    private final String idp;

    ResidentLoginJourneyIT(Platform platform) {
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
    }

    @Test
    void shouldRegisterWithAPasskeyLogOutAndLogInAgainWithThePasskeyAlone() {
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/");
            assertThat(browser.testId("page-title").getText()).isNotBlank();

            browser.click(By.cssSelector("[data-testid='lang-zh-HK']"));
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-HK");
            assertThat(browser.testId("login").getText()).containsPattern("\\p{IsHan}");
            browser.click(By.cssSelector("[data-testid='lang-en']"));
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

            browser.click(By.cssSelector("[data-testid='login']"));
            browser.awaitUrlStartingWith(idp);
            assertThat(browser.driver.findElements(By.cssSelector("input[type=password]"))).isEmpty();
            browser.startRegistration(newContact(), "Chan Tai Man");
            assertThat(browser.driver.findElements(By.cssSelector("input[type=password]"))).isEmpty();

            browser.registerPasskey();
            browser.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(browser.testId("resident-name").getText()).contains("Chan Tai Man");
            assertThat(browser.testId("assurance-level").getText()).contains("loa-basic");
            assertThat(browser.testId("name-unverified").getText()).contains("not verified");
            assertThat(browser.authenticator.getCredentials()).hasSize(1);

            browser.logOut();
            assertThat(browser.testId("login").isDisplayed()).isTrue();

            // The IdP session ended too: the login link asks for the passkey again, with no username.
            browser.click(By.cssSelector("[data-testid='login']"));
            browser.awaitUrlStartingWith(idp);
            assertThat(browser.driver.findElements(By.id("username"))).isEmpty();
            browser.click(PASSKEY_LOGIN);
            browser.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(browser.testId("resident-name").getText()).contains("Chan Tai Man");

            // "My passkeys" tells when the passkey last logged the resident in: just now.
            browser.click(By.cssSelector("[data-testid='passkeys-link']"));
            assertThat(browser.testId("passkey-last-used").getText())
                    .startsWith("Last used").contains(String.valueOf(Year.now(HONG_KONG).getValue()));
        }
    }

    /** The names in "My passkeys", each shown first in its entry. */
    private static List<String> passkeyNames(ResidentBrowser browser) {
        return browser.driver.findElements(By.cssSelector("[data-testid='passkey'] strong")).stream()
                .map(WebElement::getText).toList();
    }

    private static String newContact() {
        return "resident-" + UUID.randomUUID() + "@example.hk";
    }

    @Test
    void shouldShowRecentLoginsAndEndEverySessionWhenTheResidentSaysItWasNotThem() {
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/login");
            browser.awaitUrlStartingWith(idp);
            browser.startRegistration(newContact(), "Lee Siu Fong");
            browser.registerPasskey();
            browser.awaitUrlStartingWith(portal + "/dashboard");

            browser.click(By.cssSelector("[data-testid='activity-link']"));
            assertThat(browser.testId("activity-service").getText()).contains("GovHK portal");
            browser.click(By.cssSelector("[data-testid='not-me']"));

            assertThat(browser.testId("secured-message").getText()).contains("ended every login");
            // Neither the portal nor the IdP remembers the login: the passkey is asked for again.
            browser.open(portal + "/dashboard");
            browser.awaitUrlStartingWith(idp);
            assertThat(browser.find(PASSKEY_LOGIN).isDisplayed()).isTrue();
        }
    }

    /**
     * The IdP ended the login (here: the resident logged out at the IdP in another tab) while the portal's session
     * lives on: the portal's next call to the IdP is refused, and the page sends the resident to log in again and
     * back to it, as the staff console does, instead of saying the IdP is unavailable.
     */
    @Test
    void shouldSendTheResidentToLogInAgainWhenTheIdpHasEndedTheirLogin() {
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/login");
            browser.awaitUrlStartingWith(idp);
            browser.startRegistration(newContact(), "Ho Ka Yan");
            browser.registerPasskey();
            browser.awaitUrlStartingWith(portal + "/dashboard");

            browser.open(idp + "/realms/smartid/protocol/openid-connect/logout");
            WebElement logOut = browser.find(By.id("kc-logout"));
            logOut.click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(logOut));

            browser.open(portal + "/activity");
            browser.awaitUrlStartingWith(idp);
            browser.click(PASSKEY_LOGIN);
            browser.awaitUrlStartingWith(portal + "/activity");
            assertThat(browser.testId("activity-service").getText()).contains("GovHK portal");
        }
    }

    @Test
    void shouldAddAPasskeyOnANewDeviceAndRemoveTheLastOneOnlyWhenConfirmed() {
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/login");
            browser.awaitUrlStartingWith(idp);
            browser.startRegistration(newContact(), "Cheung Wai Ling");
            // The name is asked on the page, labelled, with a suggestion and what it is for.
            assertThat(browser.find(By.cssSelector("label[for='smartid-passkey-name']")).getText())
                    .isEqualTo("Name of this passkey");
            assertThat(browser.find(ResidentBrowser.PASSKEY_NAME).getAttribute("value")).isEqualTo("My phone");
            assertThat(browser.find(By.id(browser.find(ResidentBrowser.PASSKEY_NAME).getAttribute("aria-describedby")))
                    .getText()).contains("My passkeys");
            browser.registerPasskey("Kitchen tablet");
            browser.awaitUrlStartingWith(portal + "/dashboard");
            browser.click(By.cssSelector("[data-testid='passkeys-link']"));
            assertThat(passkeyNames(browser)).containsExactly("Kitchen tablet");
            // Registering is not logging in with the passkey.
            assertThat(browser.testId("passkey-last-used").getText()).isEqualTo("Never used to log in");

            // On the new phone the resident clears the name and presses Enter: the passkey is created
            // under the suggested name.
            browser.switchToNewDevice();
            browser.click(By.cssSelector("[data-testid='passkey-add']"));
            WebElement name = browser.find(ResidentBrowser.PASSKEY_NAME);
            name.clear();
            name.sendKeys(Keys.ENTER);
            browser.awaitUrlStartingWith(portal + "/passkeys");
            assertThat(passkeyNames(browser)).containsExactlyInAnyOrder("Kitchen tablet", "My phone");

            browser.click(By.cssSelector("[data-testid='passkey-remove']"));
            assertThat(browser.testId("passkeys-message").getText()).contains("removed");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='passkey']"))).hasSize(1);

            browser.click(By.cssSelector("[data-testid='passkey-remove']"));
            assertThat(browser.testId("passkeys-message").getText()).contains("only passkey");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='passkey']"))).hasSize(1);

            browser.click(By.cssSelector("[data-testid='last-one-confirmed']"));
            browser.click(By.cssSelector("[data-testid='passkey-remove']"));
            assertThat(browser.testId("passkeys-message").getText()).contains("removed");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='passkey']"))).isEmpty();
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAPasskeyThatWasNeverRegistered() throws Exception {
            try (ResidentBrowser browser = new ResidentBrowser()) {
                browser.authenticator.addCredential(unregisteredPasskey());
                browser.open(portal + "/login");
                browser.awaitUrlStartingWith(idp);
                browser.click(PASSKEY_LOGIN);

                assertThat(browser.find(By.cssSelector("[role='alert']")).getText()).contains("passkey");
                assertThat(browser.url()).startsWith(idp);
                browser.open(portal + "/dashboard");
                browser.awaitUrlStartingWith(idp);
            }
        }

        @Test
        void shouldRejectACallbackWithAForgedState() {
            try (ResidentBrowser browser = new ResidentBrowser()) {
                browser.open(portal + "/login");
                browser.awaitUrlStartingWith(idp);

                browser.open(portal + "/callback?code=stolen-code&state=forged-state");
                assertThat(browser.testId("page-title").getText()).isNotBlank();
                assertThat(browser.pageText()).doesNotContain("Exception").doesNotContain("at hk.smartid");

                browser.open(portal + "/dashboard");
                browser.awaitUrlStartingWith(idp);
            }
        }

        @Test
        void shouldRefuseToBindAPasskeyThatAnotherAccountAlreadyHolds() throws Exception {
            CraftedPasskey passkey = CraftedPasskey.generate();
            try (ResidentBrowser first = new ResidentBrowser()) {
                first.open(portal + "/login");
                first.awaitUrlStartingWith(idp);
                first.startRegistration(newContact(), "First Holder");
                passkey.answerRegistration(first, idp);
                // Accepted for the first account: the crafted answer is one Keycloak takes.
                first.awaitUrlStartingWith(portal + "/dashboard");
            }
            try (ResidentBrowser second = new ResidentBrowser()) {
                second.open(portal + "/login");
                second.awaitUrlStartingWith(idp);
                second.startRegistration(newContact(), "Second Claimant");
                passkey.answerRegistration(second, idp);

                assertThat(second.find(By.cssSelector("[role='alert']")).getText())
                        .contains("already belongs to another SmartID account");
                second.open(portal + "/dashboard");
                second.awaitUrlStartingWith(idp);
            }
        }

        /** A discoverable credential for this IdP that the IdP has never seen. */
        private static Credential unregisteredPasskey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] credentialId = new byte[32];
            byte[] userHandle = new byte[16];
            new SecureRandom().nextBytes(credentialId);
            new SecureRandom().nextBytes(userHandle);
            return Credential.createResidentCredential(credentialId, "localhost",
                    new java.security.spec.PKCS8EncodedKeySpec(generator.generateKeyPair().getPrivate().getEncoded()),
                    userHandle, 0);
        }
    }
}
