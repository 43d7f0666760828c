package hk.smartid.payments;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import hk.smartid.e2e.ResidentBrowser;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fee payment on the real platform: a resident applies for a service with a fee and gets the FPS QR code on the
 * receipt; the sample bank pays and the application goes to the department. The notification endpoint applies only
 * the registered provider's signed notifications, each at most once; every refusal is answered as documented and
 * changes nothing in the application.
 */
@ExtendWith(RunningPlatform.class)
class PaymentNotificationsIT {

    private static final String UNKNOWN_REFERENCE = "SID-0000-0000-0000";
    /** A land search: basic identity, a fee of HK$10, a short form. */
    private static final String SERVICE = "land-search";
    private static final String FEE = "10.00";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final byte[] providerSecret;
    private final String portal;
    private final String idp;
    private final String bank;

    PaymentNotificationsIT(Platform platform) {
        this.endpoint = URI.create(platform.settings().portalUrl() + "/api/payments/notifications");
        this.providerSecret = new Base64URL(platform.secrets().paymentProviderSecret()).decode();
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
        this.bank = platform.settings().bankUrl().toString();
    }

    @Test
    void theResidentPaysAtTheSampleBankAndTheApplicationGoesToTheDepartment() throws Exception {
        try (ResidentBrowser resident = newResident("Chan Payer")) {
            String receipt = apply(resident);
            String reference = resident.testId("reference").getText();
            assertThat(resident.testId("receipt-status").getAttribute("data-status")).isEqualTo("AWAITING_PAYMENT");

            // The receipt: the fee, awaiting payment, the FPS QR code and, for whoever cannot scan it, its content.
            assertThat(resident.testId("payment-fee").getText()).isEqualTo("HK$10.00");
            assertThat(resident.testId("payment-status").getAttribute("data-status")).isEqualTo("awaiting-payment");
            WebElement qr = resident.testId("payment-qr");
            assertThat(qr.getTagName()).isEqualTo("svg");
            assertThat(qr.getAttribute("aria-label")).isEqualTo("FPS payment QR code: HK$10.00 to HKSAR Government, reference "
                    + reference);
            String payload = resident.driver.findElement(By.cssSelector("[data-testid='payment-payload']"))
                    .getAttribute("textContent");
            assertThat(payload).startsWith("000201010212").contains("0012hk.com.hkicl", "540510.00", "5303344",
                    "01" + reference.length() + reference).containsPattern("6304[0-9A-F]{4}$");
            resident.click(By.cssSelector("[data-testid='payment-details'] summary"));
            assertThat(resident.testId("payment-reference").getText()).isEqualTo(reference);
            assertThat(resident.testId("payment-amount").getText()).isEqualTo(FEE);
            assertThat(resident.testId("payment-fps-identifier").getText()).isEqualTo("fees@smartid.example");

            // Refusals for this application: each answered as documented, nothing changes.
            assertRefused(post(sign(claims(UUID.randomUUID().toString(), reference, "9.00").build(), providerSecret)),
                    422, "wrong_amount");
            assertRefused(post(sign(claims(UUID.randomUUID().toString(), reference, FEE).claim("currency", "CNY").build(),
                    providerSecret)), 422, "wrong_amount");
            assertRefused(post(new PlainJWT(claims(UUID.randomUUID().toString(), reference, FEE).build()).serialize()),
                    401, "invalid_signature");
            String[] signed = sign(claims(UUID.randomUUID().toString(), reference, FEE).build(), providerSecret).split("\\.");
            assertRefused(post(Base64URL.encode("{\"alg\":\"none\"}") + "." + signed[1] + "."), 401, "invalid_signature");
            byte[] otherKey = new byte[32];
            new SecureRandom().nextBytes(otherKey);
            assertRefused(post(sign(claims(UUID.randomUUID().toString(), reference, FEE).build(), otherKey)),
                    401, "invalid_signature");
            resident.open(receipt);
            assertThat(resident.testId("receipt-status").getAttribute("data-status")).isEqualTo("AWAITING_PAYMENT");
            assertThat(resident.testId("payment-status").getAttribute("data-status")).isEqualTo("awaiting-payment");
            assertThat(history(resident, receipt)).containsExactly("AWAITING_PAYMENT");

            // The sample bank plays the resident's bank: it pays, and notifies the portal as the provider.
            resident.open(bank + "/pay-bill?lang=en");
            resident.find(By.id("bill-reference")).sendKeys(reference);
            resident.find(By.id("bill-amount")).sendKeys(FEE);
            resident.click(By.id("pay-bill"));
            assertThat(resident.find(By.id("bill-paid")).getText()).contains("GovHK has received the payment");

            resident.open(receipt);
            assertThat(resident.testId("receipt-status").getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(resident.testId("payment-status").getAttribute("data-status")).isEqualTo("paid");
            assertThat(resident.testId("payment-status").getText()).isEqualTo("Paid");
            assertThat(resident.driver.findElements(By.cssSelector("[data-testid='payment-qr']"))).isEmpty();
            assertThat(history(resident, receipt)).containsExactly("AWAITING_PAYMENT", "SUBMITTED");

            // Paying again is refused, at the bank as at the endpoint: nothing is applied twice.
            resident.open(bank + "/pay-bill?lang=en");
            resident.find(By.id("bill-reference")).sendKeys(reference);
            resident.find(By.id("bill-amount")).sendKeys(FEE);
            resident.click(By.id("pay-bill"));
            resident.find(By.id("bill-mismatch"));
            assertRefused(post(sign(claims(UUID.randomUUID().toString(), reference, FEE).build(), providerSecret)),
                    422, "not_awaiting_payment");
            assertThat(history(resident, receipt)).containsExactly("AWAITING_PAYMENT", "SUBMITTED");
        }
    }

    @Test
    void anExactReplayIsAnsweredAsAppliedAndAppliedOnce() throws Exception {
        try (ResidentBrowser resident = newResident("Lee Replay")) {
            String receipt = apply(resident);
            String reference = resident.testId("reference").getText();
            String id = UUID.randomUUID().toString();
            // The reference may come in lower case, as a payer typed it into their banking app.
            String notification = sign(claims(id, reference.toLowerCase(), FEE).build(), providerSecret);

            // Sent four times at once, then once more: one applies it, every answer is 200.
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(http.sendAsync(request(notification), HttpResponse.BodyHandlers.ofString()));
            }
            List<String> results = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : sent) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
                results.add((String) JSONObjectUtils.parse(answer.get().body()).get("result"));
            }
            assertThat(results).containsOnlyOnce("applied").containsOnly("applied", "already_applied");
            HttpResponse<String> replay = post(notification);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
            assertThat(JSONObjectUtils.parse(replay.body())).containsEntry("result", "already_applied")
                    .containsEntry("notification_id", id);

            // The same id saying something else is not a replay.
            assertRefused(post(sign(claims(id, reference, FEE).claim("paid_at", Instant.now().getEpochSecond() - 3600).build(),
                    providerSecret)), 409, "notification_id_reused");

            assertThat(history(resident, receipt)).containsExactly("AWAITING_PAYMENT", "SUBMITTED");
            resident.open(receipt);
            assertThat(resident.testId("payment-status").getAttribute("data-status")).isEqualTo("paid");
        }
    }

    @Test
    void notificationsNotSignedByTheProviderAreRefused() throws Exception {
        String reference = UNKNOWN_REFERENCE;
        JWTClaimsSet claims = claims(UUID.randomUUID().toString(), reference, "10.00").build();

        assertRefused(post(new PlainJWT(claims).serialize()), 401, "invalid_signature");

        String[] signed = sign(claims, providerSecret).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"payment-notification+jwt\"}").toString();
        assertRefused(post(none + "." + signed[1] + "."), 401, "invalid_signature");
        assertRefused(post(none + "." + signed[1] + "." + signed[2]), 401, "invalid_signature");

        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        assertRefused(post(sign(claims, otherKey)), 401, "invalid_signature");

        Instant past = Instant.now().minus(30, ChronoUnit.MINUTES);
        assertRefused(post(sign(claims(UUID.randomUUID().toString(), reference, "10.00")
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(), providerSecret)),
                401, "invalid_signature");

        assertRefused(post("garbage"), 401, "invalid_signature");
    }

    @Test
    void aSignedNotificationForAnUnknownReferenceIsNotFound() throws Exception {
        assertRefused(post(sign(claims(UUID.randomUUID().toString(), UNKNOWN_REFERENCE, "10.00").build(),
                providerSecret)), 404, "unknown_reference");
    }

    @Test
    void onlyAJwtBodyIsRead() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"" + UNKNOWN_REFERENCE + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(answer, 415, "unsupported_media_type");
    }

    HttpResponse<String> post(String notification) throws Exception {
        return http.send(request(notification), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String notification) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/jwt")
                .POST(HttpRequest.BodyPublishers.ofString(notification))
                .build();
    }

    /** Applies for the land search through the resident's form; leaves the browser on the receipt, returns its address. */
    private String apply(ResidentBrowser resident) {
        resident.open(portal + "/apply?service=" + SERVICE);
        assertThat(resident.testId("apply-fee").getText()).contains("10");
        resident.click(By.cssSelector("[data-testid='field-searchBy'] label"));
        resident.driver.executeScript("const select = arguments[0].querySelector('select'); select.value = 'current';"
                + " select.dispatchEvent(new Event('change'));", resident.testId("field-searchType"));
        WebElement email = resident.find(By.cssSelector("[data-testid='field-email'] input:not([type=hidden])"));
        if (email.getAttribute("value").isEmpty()) {
            email.sendKeys("payer@example.hk");
        }
        resident.click(By.cssSelector("[data-testid='apply-review']"));
        resident.testId("review");
        resident.click(By.cssSelector("[data-testid='apply-submit']"));
        resident.awaitUrlStartingWith(portal + "/receipt?id=");
        return resident.url();
    }

    /** The statuses in the application's history, oldest first, as the resident's application page lists them. */
    private List<String> history(ResidentBrowser resident, String receipt) {
        resident.open(receipt.replace("/receipt?", "/application?"));
        resident.testId("history");
        return resident.driver.findElements(By.cssSelector("[data-testid='history-entry']")).stream()
                .map(entry -> entry.getAttribute("data-status")).toList();
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

    static void assertRefused(HttpResponse<String> answer, int status, String error) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = JSONObjectUtils.parse(answer.body());
        assertThat(body).containsEntry("error", error);
    }

    static JWTClaimsSet.Builder claims(String id, String reference, String amount) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("smartid-payment-provider")
                .audience("smartid-portal")
                .jwtID(id)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("reference", reference)
                .claim("amount", amount)
                .claim("currency", "HKD")
                .claim("paid_at", now.getEpochSecond());
    }

    static String sign(JWTClaimsSet claims, byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("payment-notification+jwt")).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
