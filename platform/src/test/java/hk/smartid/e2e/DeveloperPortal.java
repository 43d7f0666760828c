package hk.smartid.e2e;

import hk.smartid.banking.TestBank;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the developer area's browser tests do on its forms: type into a field, and post a form as a person. */
final class DeveloperPortal {

    /** Indexes of TestBank.ITEMS among the form's data items (every item but gender). */
    private static final List<Integer> TEST_BANK_ITEMS = List.of(0, 1, 2, 3, 5, 6, 7);

    private final String portal;
    private final HttpClient http = HttpClient.newHttpClient();

    DeveloperPortal(String portal) {
        this.portal = portal;
    }

    /** Declares the organisation the signed-in verified resident represents, on /developers/. */
    void declareOrganisation(ResidentBrowser browser, String name, String businessRegistrationNumber) {
        browser.open(portal + "/developers/");
        type(browser, "organisationName", name);
        type(browser, "businessRegistrationNumber", businessRegistrationNumber);
        browser.click(By.cssSelector("[data-testid='organisation-submit']"));
        browser.testId("organisation-brn");
    }

    /** Fills /developers/new for a data-sharing integration of {@code business} asking for TestBank.ITEMS. */
    static void fillDataSharing(ResidentBrowser browser, TestBank business, String redirectUri) {
        type(browser, "nameEn", "Kowloon Power");
        type(browser, "nameZhHk", "九龍電力");
        type(browser, "nameZhCn", "九龙电力");
        type(browser, "purposeId", TestBank.PURPOSE);
        type(browser, "purposeEn", "To open your electricity account.");
        type(browser, "purposeZhHk", "為你開立電力戶口。");
        type(browser, "purposeZhCn", "为你开立电力账户。");
        List<WebElement> items = browser.driver.findElements(By.cssSelector("[data-testid='field-items'] label"));
        TEST_BANK_ITEMS.forEach(index -> items.get(index).click());
        type(browser, "redirectUris", redirectUri);
        browser.driver.findElements(By.cssSelector("[data-testid='field-jwksKind'] label")).get(1).click();
        type(browser, "jwksJson", business.publicJwks());
    }

    static void type(ResidentBrowser browser, String field, String value) {
        WebElement input = browser.testId("input-" + field);
        input.clear();
        input.sendKeys(value);
    }

    /** The view state of the form {@code formId} on the page the browser shows. */
    static String viewState(ResidentBrowser browser, String formId) {
        return browser.driver.findElement(By.cssSelector("#" + formId + " [name='jakarta.faces.ViewState']"))
                .getAttribute("value");
    }

    /** Posts {@code fields} to {@code path} with the browser's session, as a forged or replayed form would be. */
    HttpResponse<String> post(ResidentBrowser browser, String path, Map<String, String> fields) throws Exception {
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
