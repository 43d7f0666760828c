package hk.smartid.consent;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident's side of Banking Made Easy at the IdP: a bank client (registered here directly through
 * the admin API, with a client secret and a plain authorization request, because the bank registration
 * and its PAR / private_key_jwt policy are built elsewhere) sends a resident to the flow
 * {@code smartid bank browser}; the resident approves, declines, or is told how to get verified.
 */
@ExtendWith(RunningPlatform.class)
class ConsentScreenIT {

    private static final String BIRTH = "1980-01-01";
    private static final String PURPOSE = "account-opening";
    private static final List<String> ITEMS = List.of("person.name_en", "person.hkid", "person.email");

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
        Bank bank = registerBank();
        String hkid = StaffConsoleClient.randomHkid();
        try (ResidentBrowser phone = verifiedResident(hkid)) {
            phone.open(bank.authorizationUrl());

            assertThat(phone.find(By.id("kc-page-title")).getText()).contains("Share your details with Test Bank");
            assertThat(phone.find(By.id("smartid-consent-purpose")).getText()).isEqualTo("To open a bank account for you.");
            assertThat(item(phone, "person.hkid")).contains(hkid).contains("Verified at a SmartID counter");
            assertThat(item(phone, "person.name_en")).containsIgnoringCase("chan").contains("Verified at a SmartID counter");
            assertThat(item(phone, "person.email")).contains("Not on record").contains("Not verified");
            assertThat(phone.find(By.id("smartid-consent-expiry")).getText()).contains("Your consent lasts until");

            phone.click(By.id("smartid-consent-approve"));

            phone.awaitUrlStartingWith(bank.redirectUri());
            Map<String, String> answer = query(phone.url());
            assertThat(answer).containsKey("code").doesNotContainKey("error");
            assertThat(answer.get("state")).isEqualTo(bank.state());

            // The approval is in the login event, with the consent row's id and the purpose.
            Map<?, ?> login = (Map<?, ?>) admin.array("/events?type=LOGIN&client=" + bank.clientId()).get(0);
            Map<?, ?> details = (Map<?, ?>) login.get("details");
            assertThat((String) details.get("consent_id")).isNotBlank();
            assertThat(details.get("purpose")).isEqualTo(PURPOSE);

            // Values go only into the person-data response, never into tokens.
            OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponse.parse(new TokenRequest(
                    URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/token"),
                    new ClientSecretBasic(new ClientID(bank.clientId()), new Secret(bank.secret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(answer.get("code")), URI.create(bank.redirectUri())))
                    .toHTTPRequest().send()).toSuccessResponse();
            assertThat(tokens.getOIDCTokens().getAccessToken().getValue()).isNotBlank();
            String claims = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().toString()
                    + com.nimbusds.jwt.SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue())
                    .getJWTClaimsSet().toString();
            assertThat(claims).doesNotContain(hkid).doesNotContain("陳大文").doesNotContain("Queen");
        }
    }

    @Test
    void shouldSendAccessDeniedAndStoreNothingWhenTheResidentDeclines() throws Exception {
        Bank bank = registerBank();
        try (ResidentBrowser phone = verifiedResident(StaffConsoleClient.randomHkid())) {
            phone.open(bank.authorizationUrl());
            phone.click(By.id("smartid-consent-decline"));

            phone.awaitUrlStartingWith(bank.redirectUri());
            Map<String, String> answer = query(phone.url());
            assertThat(answer.get("error")).isEqualTo("access_denied");
            assertThat(answer).doesNotContainKey("code");
            assertThat(admin.array("/events?type=LOGIN&client=" + bank.clientId())).isEmpty();
        }
    }

    @Test
    void shouldShowASelfRegisteredResidentHowToGetVerifiedAndSendAccessDenied() throws Exception {
        Bank bank = registerBank();
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(portal + "/login");
            browser.awaitUrlStartingWith(idp);
            browser.startRegistration("resident-" + UUID.randomUUID() + "@example.hk", "Lee Siu Fong");
            browser.registerPasskey();
            browser.awaitUrlStartingWith(portal + "/dashboard");

            browser.open(bank.authorizationUrl());

            assertThat(browser.find(By.id("kc-page-title")).getText()).contains("Get your identity verified first");
            assertThat(browser.find(By.id("smartid-verify-steps")).getText()).contains("HKID card");
            assertThat(browser.driver.findElements(By.id("smartid-consent-approve"))).isEmpty();
            browser.click(By.id("smartid-verify-back"));

            browser.awaitUrlStartingWith(bank.redirectUri());
            assertThat(query(browser.url()).get("error")).isEqualTo("access_denied");
        }
    }

    /** A resident enrolled at a counter, activated on this phone and so logged in at the IdP. */
    private ResidentBrowser verifiedResident(String hkid) throws Exception {
        String code = staff.enrol(hkid, BIRTH);
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

    /** A bank client with the contract's attributes and the bank flow as its browser flow. */
    private Bank registerBank() throws Exception {
        String clientId = "test-bank-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String redirectUri = portal + "/test-bank/callback";
        String flowId = (String) admin.array("/authentication/flows").stream().map(flow -> (Map<?, ?>) flow)
                .filter(flow -> "smartid bank browser".equals(flow.get("alias")))
                .map(flow -> flow.get("id")).findFirst().orElseThrow();
        String purposes = JSONObjectUtils.toJSONString(Map.of("id", PURPOSE,
                "statement", Map.of("en", "To open a bank account for you.", "zh-HK", "為你開立銀行戶口。",
                        "zh-CN", "为你开立银行账户。"),
                "items", ITEMS));
        admin.post("/clients", JSONObjectUtils.toJSONString(Map.of(
                "clientId", clientId, "secret", secret, "publicClient", false, "standardFlowEnabled", true,
                "redirectUris", List.of(redirectUri),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId),
                "attributes", Map.of("smartid.relying-party", "bank", "smartid.name.en", "Test Bank",
                        "smartid.name.zh-HK", "測試銀行", "smartid.name.zh-CN", "测试银行",
                        "smartid.purposes", "[" + purposes + "]"))));
        String clientUuid = (String) ((Map<?, ?>) admin.array("/clients?clientId=" + clientId).get(0)).get("id");
        for (String scope : ITEMS) {
            admin.put("/clients/" + clientUuid + "/optional-client-scopes/" + dataItemScope(scope), "{}");
        }
        return new Bank(idp, clientId, secret, redirectUri, UUID.randomUUID().toString());
    }

    /** The data item's client scope (no mappers: values never go into tokens), made on first use. */
    private String dataItemScope(String name) throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (Object scope : admin.array("/client-scopes")) {
                if (name.equals(((Map<?, ?>) scope).get("name"))) {
                    return (String) ((Map<?, ?>) scope).get("id");
                }
            }
            admin.post("/client-scopes", JSONObjectUtils.toJSONString(Map.of("name", name,
                    "protocol", "openid-connect", "attributes", Map.of("include.in.token.scope", "true"))));
        }
        throw new AssertionError("Client scope " + name + " was not created");
    }

    private record Bank(String idp, String clientId, String secret, String redirectUri, String state) {

        String authorizationUrl() {
            return idp + "/realms/smartid/protocol/openid-connect/auth?response_type=code&client_id=" + clientId
                    + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                    + "&scope=" + URLEncoder.encode("openid " + String.join(" ", ITEMS), StandardCharsets.UTF_8)
                    + "&purpose=" + PURPOSE + "&state=" + state;
        }
    }
}
