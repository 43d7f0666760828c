package hk.smartid.e2e;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers and residents' notifications on the real platform, in Chromium with virtual passkeys: an officer of the
 * application's department moves it through its statuses and the resident gets one message per change, in the
 * language they read at that moment; and the refusals: another department's officer (queue, URL, forged POST), a
 * resident at the work queue, a status the application can no longer take, another resident's message.
 */
@ExtendWith(RunningPlatform.class)
class OfficerWorkQueueIT {

    /** Free (no payment step) and applied for online at SWD; its form needs one choice the digital ID does not make. */
    private static final String SWD_SERVICE = "senior-citizen-card";
    private static final Map<String, Integer> SWD_CHOICES = Map.of("applicationType", 0);
    /** Free, at another department (ImmD). */
    private static final String IMMD_SERVICE = "echannel-enrolment";
    private static final Map<String, Integer> IMMD_CHOICES = Map.of("residentStatus", 0);

    private final String portal;
    private final PortalAccounts accounts;
    private final HttpClient http = HttpClient.newHttpClient();

    OfficerWorkQueueIT(Platform platform) {
        this.portal = platform.settings().portalUrl().toString();
        this.accounts = new PortalAccounts(platform);
    }

    @Test
    void anOfficerOfTheDepartmentDecidesAndTheResidentReadsEachChangeInTheirLanguage() throws Exception {
        try (ResidentBrowser resident = accounts.verifiedResident(); ResidentBrowser officer = accounts.officer("SWD")) {
            OnlineApplication application = OnlineApplication.apply(resident, portal, SWD_SERVICE, SWD_CHOICES);
            resident.open(portal + "/notifications");
            assertThat(messages(resident)).singleElement().satisfies(message -> assertThat(message.getText())
                    .contains(application.reference()).contains("Senior Citizen Card").contains("received"));
            assertThat(unreadLabel(resident)).isEqualTo("(1 unread message)");

            findInQueue(officer, portal, application.reference());
            assertThat(officer.testId("officer-department").getText()).contains("Social Welfare Department");
            officer.click(By.cssSelector("[data-testid='queue-row-" + application.reference() + "']"));
            assertThat(officer.testId("application-reference").getText()).isEqualTo(application.reference());
            assertThat(officer.testId("application-values").getText()).contains("CHAN").contains("Tai Man");
            assertThat(officer.testId("application-status").getText()).isEqualTo("Submitted");

            changeStatus(officer, "IN_PROGRESS", "");
            assertThat(officer.testId("officer-status-changed").getText()).contains("In progress");
            changeStatus(officer, "APPROVED", "Your card will be posted to you.");
            assertThat(officer.testId("application-status").getText()).isEqualTo("Approved");
            List<WebElement> history = officer.driver.findElements(By.cssSelector("[data-testid='history-row']"));
            assertThat(history).extracting(row -> row.findElement(By.cssSelector("[data-testid='history-status']")).getText())
                    .containsExactly("Submitted", "In progress", "Approved");
            String officerSubject = officer.driver.findElement(By.cssSelector("[data-testid='history-row']:last-child .subject")).getText();
            assertThat(history.get(2).findElement(By.cssSelector("[data-testid='history-who']")).getText())
                    .contains("Department officer").contains(officerSubject);
            assertThat(officerSubject).isNotBlank();
            assertThat(history.get(2).findElement(By.cssSelector("[data-testid='history-note']")).getText())
                    .isEqualTo("Your card will be posted to you.");
            assertThat(officer.testId("officer-no-change").getText()).contains("cannot change");

            // One message per change, newest first; three unread.
            resident.open(portal + "/notifications");
            assertThat(messages(resident)).extracting(WebElement::getText).satisfiesExactly(
                    approved -> assertThat(approved).contains(application.reference()).contains("has been approved"),
                    inProgress -> assertThat(inProgress).contains("being processed"),
                    received -> assertThat(received).contains("received"));
            assertThat(resident.testId("unread-count").getText()).isEqualTo("3");
            assertThat(unreadLabel(resident)).isEqualTo("(3 unread messages)");

            // Read in Traditional Chinese now: the same messages in the reader's language, the service's name too.
            resident.click(By.cssSelector("[data-testid='lang-zh-HK']"));
            resident.find(By.cssSelector("[data-testid='lang-zh-HK'][aria-current='true']"));
            assertThat(messages(resident).get(0).getText()).contains("已獲批核").contains("長者咭")
                    .contains(application.reference());
            assertThat(unreadLabel(resident)).contains("3 則未讀訊息");
            resident.click(By.cssSelector("[data-testid='lang-en']"));
            resident.find(By.cssSelector("[data-testid='lang-en'][aria-current='true']"));

            // Opening a message marks it read: one fewer unread.
            resident.click(By.cssSelector("[data-testid='notification'] [data-testid='notification-open']"));
            assertThat(resident.testId("notification-text").getText()).contains("has been approved");
            assertThat(resident.testId("unread-count").getText()).isEqualTo("2");
            resident.open(portal + "/notifications");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='notification']")))
                    .extracting(m -> m.getAttribute("data-read")).containsExactly("true", "false", "false");
            resident.click(By.cssSelector("[data-testid='notifications-mark-all-read']"));
            resident.testId("notifications");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='unread-count']"))).isEmpty();

            // And the application shows its new status (the message links to it).
            resident.open(portal + "/notifications");
            resident.click(By.cssSelector("[data-testid='notification-open']"));
            resident.click(By.cssSelector("[data-testid='notification-application']"));
            resident.awaitUrlStartingWith(portal + "/application?id=" + application.id());
            assertThat(resident.testId("status").getAttribute("data-status")).isEqualTo("APPROVED");
        }
    }

    @Test
    void anotherDepartmentsOfficerAResidentAStaleStatusAndAnotherResidentAreRefused() throws Exception {
        try (ResidentBrowser resident = accounts.verifiedResident();
             ResidentBrowser officer = accounts.officer("SWD");
             ResidentBrowser otherOfficer = accounts.officer("ImmD");
             ResidentBrowser otherResident = accounts.verifiedResident()) {
            OnlineApplication swd = OnlineApplication.apply(resident, portal, SWD_SERVICE, SWD_CHOICES);
            OnlineApplication immd = OnlineApplication.apply(resident, portal, IMMD_SERVICE, IMMD_CHOICES);

            // The other department's officer: not in their queue, its page a 404, a POST changing it refused.
            findInQueue(otherOfficer, portal, immd.reference());
            otherOfficer.testId("queue-row-" + immd.reference());
            findInQueue(otherOfficer, portal, swd.reference());
            assertThat(otherOfficer.driver.findElements(By.cssSelector("[data-testid='queue-row-" + swd.reference() + "']"))).isEmpty();
            assertThat(otherOfficer.testId("officer-queue").getText()).doesNotContain(swd.reference()).contains("No application matches.");
            otherOfficer.open(portal + "/officer/application?id=" + swd.id());
            assertThat(otherOfficer.testId("page-title").getText()).startsWith("Page not found");
            assertThat(otherOfficer.pageText()).doesNotContain(swd.reference());

            otherOfficer.open(portal + "/officer/application?id=" + immd.id());
            String viewState = otherOfficer.driver.findElement(By.cssSelector("#statusForm [name='jakarta.faces.ViewState']"))
                    .getAttribute("value");
            HttpResponse<String> forged = post(otherOfficer, "/officer/application?id=" + swd.id(), form(
                    "statusForm", "statusForm", "statusForm:to", "IN_PROGRESS", "statusForm:note", "",
                    "statusForm:submit", "Change the status", "jakarta.faces.ViewState", viewState));
            assertThat(forged.statusCode()).isEqualTo(404);
            assertThat(forged.body()).doesNotContain(swd.reference());
            // The same POST for its own department's application goes through: the refusal was the department's.
            HttpResponse<String> own = post(otherOfficer, "/officer/application?id=" + immd.id(), form(
                    "statusForm", "statusForm", "statusForm:to", "IN_PROGRESS", "statusForm:note", "",
                    "statusForm:submit", "Change the status", "jakarta.faces.ViewState", viewState));
            assertThat(own.statusCode()).isEqualTo(302);

            officer.open(portal + "/officer/application?id=" + swd.id());
            assertThat(officer.testId("application-status").getText()).isEqualTo("Submitted");
            assertThat(officer.driver.findElements(By.cssSelector("[data-testid='history-row']"))).hasSize(1);
            resident.open(portal + "/application?id=" + swd.id());
            assertThat(resident.testId("status").getAttribute("data-status")).isEqualTo("SUBMITTED");

            // A resident without the officer role: the work queue is refused.
            resident.open(portal + "/officer/");
            assertThat(resident.testId("page-title").getText()).contains("cannot view");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='officer-queue']"))).isEmpty();
            resident.open(portal + "/officer/application?id=" + swd.id());
            assertThat(resident.testId("page-title").getText()).contains("cannot view");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='officer-queue-link']"))).isEmpty();

            // A note is required to reject; nothing changes without it.
            officer.open(portal + "/officer/application?id=" + swd.id());
            String staleViewState = officer.driver.findElement(By.cssSelector("#statusForm [name='jakarta.faces.ViewState']"))
                    .getAttribute("value");
            changeStatus(officer, "IN_PROGRESS", "");
            new Select(officer.testId("officer-change-to")).selectByValue("REJECTED");
            officer.click(By.cssSelector("[data-testid='officer-change-submit']"));
            assertThat(officer.testId("error-note").getText()).contains("Write a note");
            assertThat(officer.testId("application-status").getText()).isEqualTo("In progress");
            changeStatus(officer, "APPROVED", "");

            // A page shown while it was Submitted offers In progress; posted now that it is Approved: refused, said why.
            HttpResponse<String> stale = post(officer, "/officer/application?id=" + swd.id(), form(
                    "statusForm", "statusForm", "statusForm:to", "IN_PROGRESS", "statusForm:note", "",
                    "statusForm:submit", "Change the status", "jakarta.faces.ViewState", staleViewState));
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).contains("Not changed: an application that is Approved cannot be moved to In progress.");
            officer.open(portal + "/officer/application?id=" + swd.id());
            assertThat(officer.testId("application-status").getText()).isEqualTo("Approved");
            assertThat(officer.driver.findElements(By.cssSelector("[data-testid='history-row']"))).hasSize(3);

            // Another resident's message: its page is a 404, and opening it by a POST marks nothing read.
            resident.open(portal + "/notifications");
            List<WebElement> mine = messages(resident);
            String messageId = resident.driver.findElement(By.cssSelector("[data-testid='notification']"))
                    .getAttribute("data-notification-id");
            int unread = Integer.parseInt(resident.testId("unread-count").getText());
            assertThat(mine).hasSize(unread);
            otherResident.open(portal + "/notification?id=" + messageId);
            assertThat(otherResident.testId("page-title").getText()).startsWith("Page not found");
            assertThat(otherResident.pageText()).doesNotContain(swd.reference());
            // The other resident's own inbox, with a message of their own: its "open" POST, naming the first one's id.
            OnlineApplication theirs = OnlineApplication.apply(otherResident, portal, SWD_SERVICE, SWD_CHOICES);
            otherResident.open(portal + "/notifications");
            WebElement theirOpen = otherResident.testId("notification-open");
            assertThat(theirOpen.getText()).contains(theirs.reference());
            String otherViewState = otherResident.driver.findElement(By.cssSelector("#inboxForm [name='jakarta.faces.ViewState']"))
                    .getAttribute("value");
            String openId = theirOpen.getAttribute("id");
            HttpResponse<String> forgedOpen = post(otherResident, "/notifications", form(
                    "inboxForm", "inboxForm", openId, openId, "id", messageId, "jakarta.faces.ViewState", otherViewState));
            assertThat(forgedOpen.statusCode()).isEqualTo(404);
            assertThat(forgedOpen.body()).doesNotContain(swd.reference());
            resident.open(portal + "/notifications");
            assertThat(resident.testId("unread-count").getText()).isEqualTo(String.valueOf(unread));
        }
    }

    @Test
    void anOfficerSeesOnlyTheirDepartmentsQueueAndOneWithoutADepartmentNothing() throws Exception {
        try (ResidentBrowser officer = accounts.officer("LAD"); ResidentBrowser undecided = accounts.officer(null);
             ResidentBrowser anonymous = new ResidentBrowser()) {
            officer.open(portal + "/dashboard");
            officer.click(By.cssSelector("[data-testid='officer-queue-link']"));
            assertThat(officer.testId("officer-department").getText()).contains("Legal Aid Department");
            assertThat(officer.testId("officer-queue").getText()).contains("No application matches.");
            new Select(officer.testId("queue-filter-status")).selectByValue("APPROVED");
            new WebDriverWait(officer.driver, Duration.ofSeconds(30)).until(d ->
                    d.findElement(By.cssSelector("[data-testid='officer-queue']")).getText().contains("No application matches."));
            assertThat(officer.testId("notifications-link").getText()).isEqualTo("Messages");
            officer.open(portal + "/notifications");
            assertThat(officer.testId("notifications-none").isDisplayed()).isTrue();
            officer.open(portal + "/notification?id=no-such-message");
            assertThat(officer.testId("page-title").getText()).startsWith("Page not found");

            // Switching language on a page with an id in its URL stays on that page (it kept only the view's path).
            officer.open(portal + "/services/service?id=legal-aid-application");
            officer.click(By.cssSelector("[data-testid='lang-zh-HK']"));
            officer.find(By.cssSelector("[data-testid='lang-zh-HK'][aria-current='true']"));
            assertThat(officer.url()).contains("id=legal-aid-application");
            assertThat(officer.testId("page-title").getText()).isEqualTo("申請民事法律援助");
            officer.click(By.cssSelector("[data-testid='lang-en']"));
            officer.find(By.cssSelector("[data-testid='lang-en'][aria-current='true']"));

            undecided.open(portal + "/officer/");
            assertThat(undecided.testId("officer-no-department").getText()).contains("does not name a department");
            assertThat(undecided.driver.findElements(By.cssSelector("[data-testid='officer-queue']"))).isEmpty();

            anonymous.open(portal + "/officer/");
            anonymous.awaitUrlStartingWith(accounts.idpUrl());
        }
    }

    private static final String QUEUE_ROWS = "[data-testid='officer-queue'] tbody tr";

    /**
     * Opens the work queue and filters it by an application's reference, as an officer looking for one application
     * does (the queue lists the oldest first, 20 a page), then waits until the table shows the filter's answer.
     */
    static void findInQueue(ResidentBrowser officer, String portal, String reference) {
        officer.open(portal + "/officer/");
        officer.testId("officer-queue");
        officer.driver.executeScript("document.querySelectorAll(arguments[0]).forEach(row => row.smartidBeforeFilter = true);",
                QUEUE_ROWS);
        officer.find(By.cssSelector("[data-testid='officer-queue'] input.ui-column-filter")).sendKeys(reference);
        new WebDriverWait(officer.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(officer.driver.executeScript(
                "const rows = [...document.querySelectorAll(arguments[0])];"
                        + " return rows.length > 0 && rows.every(row => !row.smartidBeforeFilter) && PrimeFaces.ajax.Queue.isEmpty();",
                QUEUE_ROWS)));
    }

    /** The officer moves the open application to {@code status} with {@code note}, and waits for the page to say so. */
    static void changeStatus(ResidentBrowser officer, String status, String note) {
        new Select(officer.testId("officer-change-to")).selectByValue(status);
        WebElement field = officer.testId("officer-change-note");
        field.clear();
        field.sendKeys(note);
        officer.click(By.cssSelector("[data-testid='officer-change-submit']"));
        new WebDriverWait(officer.driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("[data-testid='officer-status-changed']")).isEmpty());
    }

    private static List<WebElement> messages(ResidentBrowser resident) {
        resident.testId("page-title");
        return resident.driver.findElements(By.cssSelector("[data-testid='notification-open']"));
    }

    /** The header's words for screen readers (visually hidden, so read as text content). */
    private static String unreadLabel(ResidentBrowser resident) {
        return resident.testId("notifications-link").findElement(By.cssSelector("[data-testid='unread-label']"))
                .getAttribute("textContent").trim();
    }

    /** A POST in the browser's session, not following redirects. */
    private HttpResponse<String> post(ResidentBrowser browser, String path, String body) throws Exception {
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        return http.send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
