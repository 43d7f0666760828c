package hk.smartid.e2e;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookmarks in the portal's own database: a resident bookmarks a service and finds it on the dashboard, another
 * resident does not, a forged POST without the view state changes nothing, and the bookmark survives a restart
 * of the portal's server.
 */
@ExtendWith(RunningPlatform.class)
class BookmarksIT {

    private static final String SERVICE = "passport-application";
    private static final String FORGED = "birth-certificate-copy";

    private final Platform platform;
    private final String portal;
    private final String idp;

    BookmarksIT(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
    }

    @Test
    void aResidentBookmarksAServiceAndOnlyTheySeeItEvenAfterARestart() throws Exception {
        try (ResidentBrowser anonymous = new ResidentBrowser()) {
            anonymous.open(portal + "/services/service?id=" + SERVICE);
            assertThat(anonymous.testId("bookmark-login").getText()).isEqualTo("Log in to bookmark");
        }
        try (ResidentBrowser resident = newResident("Wong Bookmark");
             ResidentBrowser other = newResident("Lam Other")) {
            resident.open(portal + "/dashboard");
            assertThat(resident.testId("bookmarks-none").isDisplayed()).isTrue();

            resident.open(portal + "/services/service?id=" + SERVICE);
            assertThat(resident.testId("bookmark-toggle").getAttribute("value")).isEqualTo("Bookmark this service");
            resident.click(By.cssSelector("[data-testid='bookmark-toggle']"));
            resident.awaitAttribute(By.cssSelector("[data-testid='bookmark-toggle']"), "value", "Remove bookmark");
            assertThat(resident.url()).contains("id=" + SERVICE);

            resident.open(portal + "/dashboard");
            assertThat(resident.testId("bookmark-" + SERVICE).getAttribute("href")).endsWith("/services/service?id=" + SERVICE);

            other.open(portal + "/dashboard");
            assertThat(other.testId("bookmarks-none").isDisplayed()).isTrue();
            assertThat(other.driver.findElements(By.cssSelector("[data-testid^='bookmark-" + SERVICE + "']"))).isEmpty();

            // The button's POST in the resident's own session, but without the view state: nothing changes.
            String session = resident.driver.manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(portal + "/services/service?id=" + FORGED))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form("bookmarkForm", "bookmarkForm")
                            + "&" + form("bookmarkForm:bookmark", "Bookmark this service")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isLessThan(500);
            resident.open(portal + "/dashboard");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='bookmark-" + FORGED + "']"))).isEmpty();
            assertThat(resident.testId("bookmark-" + SERVICE).isDisplayed()).isTrue();

            // The button's POST with the page's view state, for a service id the catalogue does not have: refused.
            resident.open(portal + "/services/service?id=" + SERVICE);
            String viewState = resident.driver.findElement(By.name("jakarta.faces.ViewState")).getAttribute("value");
            HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(portal + "/services/service?id=no-such-service"))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form("bookmarkForm", "bookmarkForm")
                            + "&" + form("bookmarkForm:bookmark", "Remove bookmark")
                            + "&" + form("jakarta.faces.ViewState", viewState)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            resident.open(portal + "/dashboard");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid^='bookmark-']")))
                    .extracting(e -> e.getAttribute("data-testid")).containsExactly("bookmark-" + SERVICE);

            // A new server process (and a new domain) on the same database: the bookmark is still there.
            platform.restartPortal();
            resident.open(portal + "/login");
            new WebDriverWait(resident.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(portal + "/dashboard")
                    || !d.findElements(By.id("authenticateWebAuthnButton")).isEmpty());
            if (resident.url().startsWith(idp)) {
                resident.confirmWithPasskey();
            }
            resident.awaitUrlStartingWith(portal + "/dashboard");
            assertThat(resident.testId("bookmark-" + SERVICE).isDisplayed()).isTrue();

            // And the bookmark can be removed again.
            resident.open(portal + "/services/service?id=" + SERVICE);
            resident.click(By.cssSelector("[data-testid='bookmark-toggle']"));
            resident.awaitAttribute(By.cssSelector("[data-testid='bookmark-toggle']"), "value", "Bookmark this service");
            resident.open(portal + "/dashboard");
            assertThat(resident.testId("bookmarks-none").isDisplayed()).isTrue();
        }
    }

    private ResidentBrowser newResident(String name) {
        ResidentBrowser browser = new ResidentBrowser();
        browser.open(portal + "/login");
        browser.awaitUrlStartingWith(idp);
        browser.startRegistration("resident-" + UUID.randomUUID() + "@example.hk", name);
        browser.registerPasskey();
        browser.awaitUrlStartingWith(portal + "/dashboard");
        return browser;
    }

    private static String form(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
