package hk.smartid.e2e;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample utility (samples/utility-rp: Spring Boot and Spring Security's OAuth 2.0 client, nothing of SmartID's),
 * started and registered as a login-only business by the platform, as a resident lives it in Chromium with a virtual
 * passkey: log in with the passkey, see the pairwise subject and the assurance level, log out through the IdP; and
 * "This was not me" at SmartID ends the utility's session through back-channel logout.
 */
@ExtendWith(RunningPlatform.class)
class UtilitySampleIT {

    private final Platform platform;
    private final String utility;
    private final AccessibilityAudit audit = new AccessibilityAudit();

    UtilitySampleIT(Platform platform) {
        this.platform = platform;
        this.utility = platform.settings().utilityUrl().toString();
    }

    @Test
    void shouldLogAVerifiedResidentInWithAPasskeyAndOutAtTheIdp() throws Exception {
        try (ResidentBrowser phone = new PortalAccounts(platform).verifiedResident()) {
            // Out of the portal, so SmartID asks for the passkey at the utility.
            phone.logOut();

            phone.open(utility + "/");
            audit.check(phone, "sample utility home");
            phone.click(By.cssSelector("[data-testid='login']"));
            phone.confirmWithPasskey();

            phone.awaitUrlStartingWith(utility + "/");
            String subject = phone.testId("subject").getText();
            assertThat(subject).isNotBlank().doesNotContain("@");
            assertThat(phone.testId("acr").getText()).isEqualTo("loa-verified");
            assertThat(phone.pageText()).contains("Verified in person at a SmartID counter");
            audit.check(phone, "sample utility home, logged in");

            phone.click(By.cssSelector("[data-testid='logout']"));
            phone.testId("login");
            assertThat(phone.url()).startsWith(utility + "/");

            // The SmartID session ended too: logging in again asks for the passkey.
            phone.click(By.cssSelector("[data-testid='login']"));
            phone.find(By.id("authenticateWebAuthnButton"));
            assertThat(phone.url()).startsWith(platform.settings().realmUrl().toString());
        }
        audit.assertNoViolations();
    }

    @Test
    void shouldEndTheUtilitySessionWhenTheResidentSaysThisWasNotMeAtSmartId() throws Exception {
        try (ResidentBrowser phone = new PortalAccounts(platform).verifiedResident()) {
            phone.open(utility + "/");
            phone.click(By.cssSelector("[data-testid='login']"));
            // Logged in to the portal, so SmartID lets the resident in at once.
            assertThat(phone.testId("acr").getText()).isEqualTo("loa-verified");

            phone.open(platform.settings().portalUrl() + "/dashboard");
            phone.click(By.cssSelector("[data-testid='activity-link']"));
            phone.click(By.cssSelector("[data-testid='not-me']"));
            phone.testId("secured-message");

            // SmartID told the utility over the back channel: its session has ended too.
            phone.open(utility + "/");
            phone.testId("login");
            assertThat(phone.pageText()).doesNotContain("loa-verified");
        }
    }

    @Test
    void shouldSpeakTheLanguageTheBrowserAsksFor() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String[] language : new String[][] {{"zh-HK", "以 SmartID 登入", "lang=\"zh-HK\""},
                {"zh-CN", "以 SmartID 登录", "lang=\"zh-CN\""}, {"en", "Log in with SmartID", "lang=\"en\""}}) {
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(utility + "/"))
                    .header("Accept-Language", language[0]).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains(language[1], language[2]);
        }
    }
}
