package hk.smartid.e2e;

import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chatbot through the real portal: {@code POST /api/chat} over HTTP (answers, language detection, follow-ups
 * in the session's conversation, refusals of cross-site and malformed requests) and the widget in Chromium
 * (a question typed and answered, an injection attempt shown as text), and personal answers from the signed-in
 * resident's own applications only.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatIT {

    private final Platform platform;
    private final String portal;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    ChatIT(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
    }

    /** The portal builds its chatbot in the background after start-up: wait until it answers. */
    @BeforeAll
    void chatbotIsReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        int status;
        do {
            status = chat("{\"message\": \"passport\"}").statusCode();
            if (status == 503) {
                Thread.sleep(2000);
            }
        } while (status == 503 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(200);
    }

    @Test
    void answersServiceQuestionsInTheQuestionsLanguageWithTheCataloguesFacts() throws Exception {
        Map<String, Object> answer = answer("{\"message\": \"點樣renew車牌？\"}");
        assertThat(answer).containsEntry("serviceId", "driving-licence-renewal").containsEntry("lang", "zh-HK")
                .containsEntry("intent", "service-info");
        assertThat((String) answer.get("answer")).contains("港幣");
        assertThat(JSONObjectUtils.getJSONObjectArray(answer, "links")[0])
                .containsEntry("url", "/services/service?id=driving-licence-renewal");

        assertThat(answer("{\"message\": \"passport renewal\", \"lang\": \"zh-CN\"}"))
                .containsEntry("serviceId", "passport-application").containsEntry("lang", "zh-CN");
    }

    @Test
    void outOfScopeQuestionsGetNullServiceAndTheEnquiryLine() throws Exception {
        HttpResponse<String> response = chat("{\"message\": \"is tencent a good buy right now\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> answer = JSONObjectUtils.parse(response.body());
        assertThat(answer).containsEntry("intent", "fallback").containsKey("serviceId");
        assertThat(answer.get("serviceId")).isNull();
        assertThat((String) answer.get("answer")).contains("1823");
    }

    @Test
    void aFollowUpIsAboutTheServiceOfTheConversation() throws Exception {
        assertThat(answer("{\"message\": \"I lost my identity card\"}")).containsEntry("serviceId", "hkid-replacement");
        Map<String, Object> followUp = answer("{\"message\": \"how much is it?\"}");
        assertThat(followUp).containsEntry("serviceId", "hkid-replacement");
        assertThat((String) followUp.get("answer")).contains("HK$370");
    }

    @Test
    void personalQuestionsFromAnAnonymousVisitorAskToLogIn() throws Exception {
        assertThat(answer("{\"message\": \"what is the status of my application\"}"))
                .containsEntry("intent", "my-applications");
    }

    @Test
    void refusesCrossSiteAndMalformedRequests() throws Exception {
        String body = "{\"message\": \"passport\"}";
        // no X-SmartID-Chat header: what a form on another site could send
        assertThat(send(HttpRequest.newBuilder(api()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()).isEqualTo(403);
        // another site's script
        assertThat(send(request(body).header("Origin", "https://evil.example").build()).statusCode()).isEqualTo(403);
        assertThat(send(request(body).header("Origin", "https://evil.example").build()).body()).isEqualTo("{\"error\":\"forbidden\"}");
        // the portal's own page
        assertThat(send(request(body).header("Origin", portal.replaceAll("/+$", "")).build()).statusCode()).isEqualTo(200);
        // not JSON
        assertThat(send(HttpRequest.newBuilder(api()).header("X-SmartID-Chat", "1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("message=passport")).build()).statusCode()).isEqualTo(415);
        HttpResponse<String> malformed = chat("{\"message\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"error\":\"malformed_json\"}");
        assertThat(chat("{\"message\": \"passport\", \"lang\": \"fr\"}").statusCode()).isEqualTo(400);
        assertThat(answer("{\"message\": \"" + "a".repeat(1001) + "\"}")).containsEntry("intent", "invalid");
        assertThat(answer("{}")).containsEntry("intent", "invalid");
    }

    @Test
    void theWidgetAsksAndShowsAnswersAsText() {
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/");
            browser.testId("chat-toggle").click();
            WebElement input = browser.testId("chat-input");
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(input);

            input.sendKeys("how do I renew my passport?\n");
            WebElement answer = awaitBotMessage(browser, 1);
            assertThat(answer.getText()).contains("HKSAR Passport");
            assertThat(answer.findElement(By.cssSelector("a")).getAttribute("href"))
                    .endsWith("/services/service?id=passport-application");

            String attack = "<img src=x onerror=\"document.body.dataset.hacked=1\">";
            browser.testId("chat-input").sendKeys(attack + "\n");
            awaitBotMessage(browser, 2);
            WebElement log = browser.testId("chat-log");
            assertThat(log.findElements(By.tagName("img"))).isEmpty();
            assertThat(log.getText()).contains(attack);
            assertThat(browser.driver.executeScript("return document.body.dataset.hacked")).isNull();
        }
    }

    @Test
    void personalAnswersComeFromTheSignedInResidentsOwnApplicationsOnly() throws Exception {
        PortalAccounts accounts = new PortalAccounts(platform);
        try (ResidentBrowser owner = accounts.verifiedResident(); ResidentBrowser other = accounts.verifiedResident()) {
            OnlineApplication application = OnlineApplication.apply(owner, portal, "senior-citizen-card",
                    Map.of("applicationType", 0));

            String ownersAnswer = askInTheWidget(owner, "what is the status of my application?");
            assertThat(ownersAnswer).contains(application.reference());
            String othersAnswer = askInTheWidget(other, "what is the status of my application?");
            assertThat(othersAnswer).contains("You have no applications").doesNotContain(application.reference());
        }
    }

    private String askInTheWidget(ResidentBrowser browser, String question) {
        browser.open(portal + "/");
        browser.testId("chat-toggle").click();
        browser.testId("chat-input").sendKeys(question + "\n");
        return awaitBotMessage(browser, 1).getText();
    }

    private static WebElement awaitBotMessage(ResidentBrowser browser, int count) {
        List<WebElement> answers = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector(".chat__message--bot"));
            return found.size() >= count ? found : null;
        });
        return answers.get(count - 1);
    }

    private Map<String, Object> answer(String body) throws Exception {
        HttpResponse<String> response = chat(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSONObjectUtils.parse(response.body());
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return send(request(body).build());
    }

    private HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(api()).header("Content-Type", "application/json").header("X-SmartID-Chat", "1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI api() {
        return URI.create(portal.replaceAll("/+$", "") + "/api/chat");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
