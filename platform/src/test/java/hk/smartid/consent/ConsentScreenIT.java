package hk.smartid.consent;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import hk.smartid.banking.TestBank;
import hk.smartid.e2e.ResidentBrowser;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident's side of Banking Made Easy at the IdP, in Chromium: a bank registered through the onboarding
 * API pushes its request (PAR, PKCE, private_key_jwt) and sends the resident to the flow
 * {@code smartid bank browser}; the resident approves, declines, or is told how to get verified.
 */
@ExtendWith(RunningPlatform.class)
class ConsentScreenIT {

    private static final String BIRTH = "1980-01-01";

    private final Platform platform;
    private final String portal;
    private final String idp;
    private final KeycloakAdmin admin;
    private final StaffConsoleClient staff;

    ConsentScreenIT(Platform platform) throws Exception {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
        this.idp = platform.settings().keycloakUrl().toString();
        this.admin = new KeycloakAdmin(platform);
        this.staff = StaffConsoleClient.forCounterStaff(platform, "Sha Tin");
    }

    @Test
    void shouldShowTheValuesAndStoreTheConsentWhenAVerifiedResidentApproves() throws Exception {
        TestBank bank = TestBank.register(platform);
        CodeVerifier verifier = new CodeVerifier();
        String hkid = StaffConsoleClient.randomHkid();
        try (ResidentBrowser phone = verifiedResident(hkid)) {
            phone.open(bank.authorizationUrl(verifier, TestBank.ITEMS).toString());
            phone.confirmWithPasskey();

            assertThat(phone.find(By.id("kc-page-title")).getText()).contains("Share your details with Test Bank");
            assertThat(phone.find(By.id("smartid-consent-purpose")).getText()).isEqualTo("To open a bank account for you.");
            assertThat(item(phone, "person.hkid")).contains(hkid).contains("Verified at a SmartID counter");
            assertThat(item(phone, "person.name_en")).containsIgnoringCase("chan").contains("Verified at a SmartID counter");
            assertThat(item(phone, "person.email")).contains("Not on record").contains("Not verified");
            assertThat(phone.find(By.id("smartid-consent-expiry")).getText()).contains("Your consent lasts until");

            phone.click(By.id("smartid-consent-approve"));

            phone.awaitUrlStartingWith(bank.redirectUri().toString());
            Map<String, String> answer = query(phone.url());
            assertThat(answer).containsKey("code").doesNotContainKey("error");

            // The approval is in the login event, with the consent row's id and the purpose.
            Map<?, ?> login = (Map<?, ?>) admin.array("/events?type=LOGIN&client=" + bank.clientId()).get(0);
            Map<?, ?> details = (Map<?, ?>) login.get("details");
            assertThat((String) details.get("consent_id")).isNotBlank();
            assertThat(details.get("purpose")).isEqualTo(TestBank.PURPOSE);

            // Values go only into the person-data response, never into tokens.
            OIDCTokens tokens = bank.tokens(new AuthorizationCode(answer.get("code")), verifier);
            assertThat(tokens.getIDToken().getJWTClaimsSet().getStringClaim("acr")).isEqualTo("loa-verified");
            String claims = tokens.getIDToken().getJWTClaimsSet().toString()
                    + com.nimbusds.jwt.SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet().toString();
            assertThat(claims).doesNotContain(hkid).doesNotContain("陳大文").doesNotContain("Queen");
        }
    }

    @Test
    void shouldAskInTheResidentsLanguageWithTheBanksNameAndPurposeInIt() throws Exception {
        TestBank bank = TestBank.register(platform);
        // Keycloak speaks the account's own language before the bank's ui_locales: this resident chose Traditional Chinese at the counter.
        try (ResidentBrowser phone = verifiedResident(StaffConsoleClient.randomHkid(), "zh-HK")) {
            phone.open(bank.authorizationUrl(new CodeVerifier(), TestBank.ITEMS, "zh-HK").toString());
            phone.confirmWithPasskey();

            assertThat(phone.find(By.id("kc-page-title")).getText()).contains("測試銀行");
            assertThat(phone.find(By.id("smartid-consent-purpose")).getText()).isEqualTo("為你開立銀行戶口。");
            assertThat(phone.find(By.id("smartid-consent-approve")).getText()).doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void shouldSendAccessDeniedAndStoreNothingWhenTheResidentDeclines() throws Exception {
        TestBank bank = TestBank.register(platform);
        CodeVerifier verifier = new CodeVerifier();
        try (ResidentBrowser phone = verifiedResident(StaffConsoleClient.randomHkid())) {
            phone.open(bank.authorizationUrl(verifier, TestBank.ITEMS).toString());
            phone.confirmWithPasskey();
            phone.click(By.id("smartid-consent-decline"));

            phone.awaitUrlStartingWith(bank.redirectUri().toString());
            Map<String, String> answer = query(phone.url());
            assertThat(answer.get("error")).isEqualTo("access_denied");
            assertThat(answer).doesNotContainKey("code");
            assertThat(admin.array("/events?type=LOGIN&client=" + bank.clientId())).isEmpty();
        }
    }

    @Test
    void shouldShowASelfRegisteredResidentHowToGetVerifiedAndSendAccessDenied() throws Exception {
        TestBank bank = TestBank.register(platform);
        CodeVerifier verifier = new CodeVerifier();
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/login");
            browser.awaitUrlStartingWith(idp);
            browser.startRegistration("resident-" + UUID.randomUUID() + "@example.hk", "Lee Siu Fong");
            browser.registerPasskey();
            browser.awaitUrlStartingWith(portal + "/dashboard");

            browser.open(bank.authorizationUrl(verifier, TestBank.ITEMS).toString());
            browser.confirmWithPasskey();

            assertThat(browser.find(By.id("kc-page-title")).getText()).contains("Get your identity verified first");
            assertThat(browser.find(By.id("smartid-verify-steps")).getText()).contains("HKID card");
            assertThat(browser.driver.findElements(By.id("smartid-consent-approve"))).isEmpty();
            browser.click(By.id("smartid-verify-back"));

            browser.awaitUrlStartingWith(bank.redirectUri().toString());
            assertThat(query(browser.url()).get("error")).isEqualTo("access_denied");
        }
    }

    /** A resident enrolled at a counter, activated on this phone and so logged in at the IdP. */
    private ResidentBrowser verifiedResident(String hkid) throws Exception {
        return verifiedResident(hkid, "en");
    }

    private ResidentBrowser verifiedResident(String hkid, String preferredLanguage) throws Exception {
        String code = staff.enrol(hkid, BIRTH, preferredLanguage);
        ResidentBrowser phone = new ResidentBrowser();
        phone.activate(portal, hkid, BIRTH, code);
        phone.registerPasskey();
        phone.awaitUrlStartingWith(portal + "/dashboard");
        return phone;
    }

    private static String item(ResidentBrowser browser, String scope) {
        return browser.find(By.cssSelector("#smartid-consent-items [data-scope='" + scope + "']")).getText();
    }

    private static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return Arrays.stream(query == null ? new String[0] : query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
