package hk.smartid.applications;

import hk.smartid.e2e.PortalAccounts;
import hk.smartid.e2e.ResidentBrowser;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying online on the real platform (Keycloak, Payara, Chromium with a virtual passkey): a verified resident
 * finds a service by searching in Chinese, applies with the form pre-filled from their digital ID (verified values
 * locked), reviews, submits and follows the application; and every refusal: each kind of invalid field shown next to
 * the field, a verified value tampered with, the same form submitted again (double click, back, replayed and
 * concurrent posts), posts without or with a forged view state, another resident's application, a verified service
 * for a self-declared identity.
 */
@ExtendWith(RunningPlatform.class)
class ApplyOnlineIT {

    private static final String BIRTH = PortalAccounts.BIRTH;
    /** Verified, free, pre-filled from names, HKID number, date of birth, address and mobile (生果金). */
    private static final String ALLOWANCE = "old-age-living-allowance";
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final PortalAccounts accounts;
    private final String portal;
    private final String idp;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ApplyOnlineIT(Platform platform) {
        this.accounts = new PortalAccounts(platform);
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
    }

    @Test
    void aVerifiedResidentSearchesInChineseAppliesWithTheirDigitalIdAndFollowsTheApplication() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        try (ResidentBrowser browser = accounts.verifiedResident(hkid)) {
            browser.click(By.cssSelector("[data-testid='lang-zh-HK']"));
            browser.find(By.cssSelector("[data-testid='lang-zh-HK'][aria-current='true']"));
            browser.open(portal + "/services/");
            browser.testId("search-input").sendKeys("生果金");
            browser.click(By.cssSelector("[data-testid='search-submit']"));
            browser.click(By.cssSelector("[data-testid='search-result'][data-service-id='" + ALLOWANCE + "'] a"));
            browser.click(By.cssSelector("[data-testid='apply-online']"));
            browser.awaitUrlStartingWith(portal + "/apply?service=" + ALLOWANCE);

            // Verified values from the counter are filled in and locked; the mobile number is the resident's to change.
            WebElement surname = browser.testId("input-surnameEn");
            assertThat(surname.getAttribute("value")).isEqualTo("CHAN");
            assertThat(surname.getAttribute("readonly")).isNotNull();
            assertThat(browser.testId("input-hkidNumber").getAttribute("value")).isEqualTo(hkid);
            assertThat(browser.testId("input-hkidNumber").getAttribute("readonly")).isNotNull();
            assertThat(input(browser, "dateOfBirth").getAttribute("value")).isEqualTo(BIRTH);
            assertThat(browser.testId("input-nameZh").getAttribute("value")).isEqualTo("陳大文");
            assertThat(browser.testId("field-surnameEn").getAttribute("data-verified")).isEqualTo("true");
            assertThat(browser.testId("from-id-surnameEn").getText()).isEqualTo("來自您的SmartID，已核實");
            assertThat(browser.testId("field-mobileNumber").getAttribute("data-prefilled")).isEqualTo("true");
            assertThat(browser.testId("field-mobileNumber").getAttribute("data-verified")).isEqualTo("false");
            assertThat(browser.testId("input-mobileNumber").getAttribute("readonly")).isNull();
            assertThat(browser.testId("field-bankAccountNumber").getAttribute("data-prefilled")).isEqualTo("false");
            assertThat(browser.testId("apply-fee").getText()).contains("免費");

            browser.click(By.cssSelector("[data-testid='field-allowanceType'] label"));
            browser.testId("input-bankAccountNumber").sendKeys("012-345678-001");
            browser.click(By.cssSelector("[data-testid='apply-review']"));

            browser.testId("review");
            assertThat(browser.testId("review-from-id-surnameEn").getText()).isEqualTo("來自您的SmartID，已核實");
            assertThat(browser.testId("review-from-id-mobileNumber").getText()).isEqualTo("來自您的SmartID，可以更改");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='review-from-id-bankAccountNumber']"))).isEmpty();
            browser.click(By.cssSelector("[data-testid='apply-submit']"));

            browser.awaitUrlStartingWith(portal + "/receipt?id=");
            String reference = browser.testId("reference").getText();
            assertThat(reference).matches("SID-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(browser.testId("receipt-status").getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(browser.testId("receipt-status").getText()).isEqualTo("已遞交");

            browser.open(portal + "/dashboard");
            browser.click(By.cssSelector("[data-testid='applications-link']"));
            WebElement row = browser.testId("application-" + reference);
            assertThat(row.getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(row.getText()).contains("申請長者生活津貼或高齡津貼").contains("已遞交");
            row.findElement(By.tagName("a")).click();

            browser.testId("history");
            assertThat(browser.testId("reference").getText()).isEqualTo(reference);
            List<WebElement> history = browser.driver.findElements(By.cssSelector("[data-testid='history-entry']"));
            assertThat(history).extracting(entry -> entry.getAttribute("data-status")).containsExactly("SUBMITTED");
            assertThat(history.get(0).getText()).contains("申請人");
            assertThat(browser.testId("value-surnameEn").getAttribute("data-verified")).isEqualTo("true");
            assertThat(browser.testId("value-surnameEn").getText()).contains("CHAN");
            assertThat(browser.testId("value-bankAccountNumber").getAttribute("data-verified")).isEqualTo("false");
            assertThat(browser.testId("value-bankAccountNumber").getText()).contains("012-345678-001");
        }
    }

    @Test
    void eachKindOfInvalidFieldIsRefusedNextToTheField() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        LocalDate today = LocalDate.now(HONG_KONG);
        try (ResidentBrowser browser = accounts.verifiedResident(hkid)) {
            browser.open(portal + "/apply?service=library-card");
            setValue(browser, input(browser, "surnameEn"), "X".repeat(41));
            setValue(browser, input(browser, "givenNamesEn"), "");
            setValue(browser, input(browser, "hkidNumber"), wrongCheckDigit(hkid));
            setValue(browser, input(browser, "birthdate"), today.plusDays(2).toString());
            setValue(browser, input(browser, "email"), "chan.taiman@");
            setValue(browser, input(browser, "mobileNumber"), "1234 567");
            browser.click(By.cssSelector("[data-testid='apply-review']"));

            assertThat(browser.testId("error-summary").getAttribute("role")).isEqualTo("alert");
            assertError(browser, "surnameEn", "Enter at most 40 characters.");
            assertError(browser, "givenNamesEn", "Enter this information.");
            assertError(browser, "hkidNumber", "This HKID number is not right: the digit in brackets does not match. Check it against the card.");
            assertError(browser, "birthdate", "The date cannot be in the future.");
            assertError(browser, "email", "Enter an email address such as name@example.com.");
            assertError(browser, "mobileNumber", "Enter a Hong Kong phone number of 8 digits, for example 9123 4567.");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='error-nameZh']"))).isEmpty();

            browser.open(portal + "/apply?service=leisure-facility-booking");
            setValue(browser, input(browser, "bookingDate"), today.minusDays(1).toString());
            setValue(browser, input(browser, "hours"), "3");
            setValue(browser, input(browser, "venue"), "Victoria Park");
            browser.click(By.cssSelector("[data-testid='apply-review']"));

            assertError(browser, "bookingDate", "The date cannot be in the past.");
            assertError(browser, "hours", "Enter a number from 1 to 2.");
            assertError(browser, "session", "Enter this information.");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid='error-venue']"))).isEmpty();

            // An option the list does not offer, as a forged post would send it: PrimeFaces drops it, so the required
            // field is empty again and says so.
            browser.driver.executeScript("const select = arguments[0].querySelector('select');"
                    + "const option = document.createElement('option'); option.value = 'casino'; option.text = 'Casino';"
                    + "select.appendChild(option); select.value = 'casino';", browser.testId("field-facilityType"));
            browser.click(By.cssSelector("[data-testid='apply-review']"));
            assertError(browser, "facilityType", "Enter this information.");
            assertThat(browser.testId("field-facilityType").getText()).doesNotContain("Casino");

            // In the reader's language: the same errors in Chinese after switching.
            browser.click(By.cssSelector("[data-testid='lang-zh-CN']"));
            browser.find(By.cssSelector("[data-testid='lang-zh-CN'][aria-current='true']"));
            browser.open(portal + "/apply?service=leisure-facility-booking");
            setValue(browser, input(browser, "hours"), "0");
            browser.click(By.cssSelector("[data-testid='apply-review']"));
            assertError(browser, "hours", "请输入1至2之间的数字。");
        }
    }

    @Test
    void aVerifiedValueTamperedWithIsIgnoredAndTheSameFormFilesOneApplicationHoweverOftenItIsPosted() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        try (ResidentBrowser browser = accounts.verifiedResident(hkid)) {
            browser.open(portal + "/apply?service=" + ALLOWANCE);
            WebElement surname = browser.testId("input-surnameEn");
            browser.driver.executeScript("arguments[0].removeAttribute('readonly'); arguments[0].value = 'TAMPERED';", surname);
            browser.click(By.cssSelector("[data-testid='field-allowanceType'] label"));
            browser.testId("input-bankAccountNumber").sendKeys("999-888777-666");
            browser.click(By.cssSelector("[data-testid='apply-review']"));
            assertThat(browser.testId("review-surnameEn").getText()).contains("CHAN").doesNotContain("TAMPERED");

            // The submit button's post without the view state (as a forged cross-site request would be): nothing filed.
            String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
            Map<String, String> submit = new LinkedHashMap<>();
            submit.put("confirm", "confirm");
            submit.put("confirm:submit", "");
            HttpResponse<String> withoutViewState = post(session, "/apply?service=" + ALLOWANCE, submit);
            assertThat(withoutViewState.headers().firstValue("Location")).isEmpty();
            Map<String, String> forged = new LinkedHashMap<>(submit);
            forged.put("jakarta.faces.ViewState", "-4242424242424242424:4242424242424242424");
            HttpResponse<String> withForgedViewState = post(session, "/apply?service=" + ALLOWANCE, forged);
            assertThat(withForgedViewState.headers().firstValue("Location").orElse("")).doesNotContain("/receipt");
            assertThat(withForgedViewState.body()).doesNotContain("Exception");
            assertThat(applicationsOf(session)).isZero();

            // The same post twice at once (a double click), then replayed: one application, the same receipt.
            Map<String, String> replay = new LinkedHashMap<>(submit);
            replay.put("jakarta.faces.ViewState",
                    browser.driver.findElement(By.name("jakarta.faces.ViewState")).getAttribute("value"));
            CompletableFuture<HttpResponse<String>> first = postAsync(session, "/apply?service=" + ALLOWANCE, replay);
            CompletableFuture<HttpResponse<String>> second = postAsync(session, "/apply?service=" + ALLOWANCE, replay);
            String receipt = location(first.get());
            assertThat(receipt).contains("/receipt?id=");
            assertThat(location(second.get())).isEqualTo(receipt);
            assertThat(location(post(session, "/apply?service=" + ALLOWANCE, replay))).isEqualTo(receipt);

            // The resident's own click on the page already posted (what back and submit again sends): the same one.
            browser.click(By.cssSelector("[data-testid='apply-submit']"));
            browser.awaitUrlStartingWith(portal + "/receipt?id=");
            assertThat(receipt).endsWith(browser.url().substring(browser.url().indexOf("/receipt?id=")));
            assertThat(applicationsOf(session)).isEqualTo(1);

            browser.open(portal + receipt.substring(receipt.indexOf("/receipt?id=")).replace("/receipt", "/application"));
            assertThat(browser.testId("value-surnameEn").getText()).contains("CHAN").doesNotContain("TAMPERED");
        }
    }

    @Test
    void aResidentSeesOnlyTheirOwnApplicationsAndASelfDeclaredIdentityIsShownHowToGetVerified() throws Exception {
        String owner;
        try (ResidentBrowser chan = accounts.verifiedResident(StaffConsoleClient.randomHkid())) {
            chan.open(portal + "/apply?service=" + ALLOWANCE);
            chan.click(By.cssSelector("[data-testid='field-allowanceType'] label"));
            chan.testId("input-bankAccountNumber").sendKeys("111-222333-444");
            chan.click(By.cssSelector("[data-testid='apply-review']"));
            chan.click(By.cssSelector("[data-testid='apply-submit']"));
            chan.awaitUrlStartingWith(portal + "/receipt?id=");
            owner = chan.url().substring(chan.url().indexOf("id=") + 3);
            String reference = chan.testId("reference").getText();

            try (ResidentBrowser lee = new ResidentBrowser()) {
                // Anonymous on a service page: "Apply online" leads through login (here: registering) back to the form.
                lee.open(portal + "/services/service?id=library-card");
                lee.click(By.cssSelector("[data-testid='apply-online']"));
                lee.awaitUrlStartingWith(idp);
                lee.startRegistration("lee-" + UUID.randomUUID() + "@example.hk", "Lee Siu Ming");
                lee.registerPasskey();
                lee.awaitUrlStartingWith(portal + "/apply?service=library-card");
                assertThat(lee.testId("field-email").getAttribute("data-prefilled")).isEqualTo("true");
                assertThat(lee.testId("field-email").getAttribute("data-verified")).isEqualTo("false");
                assertThat(lee.testId("input-email").getAttribute("readonly")).isNull();

                // Another resident's application, by its id: simply not found, nothing of it shown.
                String session = lee.driver.manage().getCookieNamed("JSESSIONID").getValue();
                for (String page : new String[] {"/application?id=", "/receipt?id="}) {
                    HttpResponse<String> answer = get(session, page + owner);
                    assertThat(answer.statusCode()).as(page).isEqualTo(404);
                    assertThat(answer.body()).doesNotContain(reference);
                }
                lee.open(portal + "/application?id=" + owner);
                assertThat(lee.pageText()).doesNotContain(reference);
                lee.open(portal + "/applications");
                assertThat(lee.testId("applications-none").isDisplayed()).isTrue();

                // A service that needs a verified identity: the self-declared one is shown how to get verified.
                lee.open(portal + "/apply?service=" + ALLOWANCE);
                lee.awaitUrlStartingWith(portal + "/verification-needed");
                lee.testId("verification-needed");
            }
        }
    }

    /** The field's input element, whatever PrimeFaces wraps around it. */
    private static WebElement input(ResidentBrowser browser, String field) {
        return browser.find(By.cssSelector("[data-testid='field-" + field + "'] input:not([type=hidden]),"
                + " [data-testid='field-" + field + "'] textarea"));
    }

    /** Sets a value as a forged post could, past the browser's own limits (maxlength). */
    private static void setValue(ResidentBrowser browser, WebElement input, String value) {
        browser.driver.executeScript("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];",
                input, value);
    }

    private static void assertError(ResidentBrowser browser, String field, String message) {
        WebElement container = browser.testId("field-" + field);
        List<WebElement> errors = container.findElements(By.cssSelector("[data-testid='error-" + field + "']"));
        assertThat(errors).as("an error next to %s on a page showing:%n%s", field, browser.pageText()).hasSize(1);
        WebElement error = errors.get(0);
        assertThat(error.getText()).as(field).isEqualTo(message);
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(container.getAttribute("class")).contains("form-field--invalid");
        List<WebElement> described = container.findElements(By.cssSelector("[aria-describedby~='error-" + field + "']"));
        assertThat(described).as("the control of %s names its error", field).isNotEmpty();
    }

    /** How many applications the resident's My applications lists (read in the resident's session, the page left as it is). */
    private int applicationsOf(String session) throws Exception {
        HttpResponse<String> page = get(session, "/applications");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().split("data-testid=\"application-SID-", -1).length - 1;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "No redirect but " + response.statusCode() + ":\n" + response.body()));
    }

    private HttpResponse<String> get(String session, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal + path)).header("Cookie", "JSESSIONID=" + session)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String session, String path, Map<String, String> fields) throws Exception {
        return postAsync(session, path, fields).get();
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String session, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.sendAsync(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String wrongCheckDigit(String hkid) {
        char digit = hkid.charAt(hkid.length() - 2);
        return hkid.substring(0, hkid.length() - 2) + (digit == '0' ? '1' : '0') + ")";
    }
}
