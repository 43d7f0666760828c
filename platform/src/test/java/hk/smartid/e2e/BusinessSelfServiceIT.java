package hk.smartid.e2e;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.Prompt;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.business.TestBusiness;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.Realm;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static hk.smartid.e2e.DeveloperPortal.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's self-service, in Chromium with virtual passkeys: a login-only integration created in the developer area,
 * tried with a test persona, approved, and live with a resident's passkey (only {@code sub} and {@code acr}; data items
 * refused); disabling it (confirmed, by keyboard) and enabling it again, by the business itself and by an approver:
 * its tokens are refused at userinfo and at the person-data API at once, a new login works once enabled, and the staff
 * audit names who asked. Refusals sent exactly: the disable posted by a resident without the approver role and by
 * another organisation's representative. And a registration whose record cannot be written leaves no sandbox client.
 */
@ExtendWith(RunningPlatform.class)
class BusinessSelfServiceIT {

    private final Platform platform;
    private final String portal;
    private final PortalAccounts accounts;
    private final DeveloperPortal developerPortal;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AccessibilityAudit audit = new AccessibilityAudit();

    BusinessSelfServiceIT(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
        this.accounts = new PortalAccounts(platform);
        this.developerPortal = new DeveloperPortal(portal);
    }

    @Test
    void aLoginOnlyIntegrationGoesLiveGetsOnlyTheSubjectAndIsDisabledAndEnabledByItsBusiness() throws Exception {
        TestBusiness business = TestBusiness.unregistered(platform);
        try (ResidentBrowser representative = accounts.verifiedResident()) {
            developerPortal.declareOrganisation(representative, "Harbour Water Supplies", "23456789");
            String integrationPage = createLoginOnly(representative, business.redirectUri().toString(), business.publicJwks());
            assertThat(representative.testId("integration-profile").getText()).startsWith("Login only");
            String sandboxClientId = representative.testId("sandbox-client-id").getText();

            // The sandbox: the verified persona logs in without a passkey; the business gets the subject and acr only.
            TestBusiness sandbox = business.at(platform.settings().sandboxRealmUrl(), sandboxClientId);
            try (ResidentBrowser tester = new ResidentBrowser()) {
                CodeVerifier verifier = new CodeVerifier();
                tester.open(sandbox.authorizationRequest(verifier, "openid").toURI().toString());
                tester.click(By.id("persona-verified"));
                tester.awaitUrlStartingWith(sandbox.redirectUri().toString());
                assertOnlySubjectAndAssurance(sandbox, sandbox.tokens(grant(tester, sandbox, verifier)));
            }

            representative.click(By.cssSelector("[data-testid='golive-request']"));
            representative.testId("golive-pending");
            String integrationId = integrationPage.substring(integrationPage.indexOf("id=") + 3);
            try (ResidentBrowser approver = accounts.approver()) {
                approver.open(portal + "/approvals/request?id=" + integrationId);
                approver.click(By.cssSelector("[data-testid='approval-approve']"));
                approver.testId("approval-decided");
            }
            representative.open(integrationPage);
            String productionClientId = representative.testId("production-client-id").getText();
            TestBusiness production = business.at(platform.settings().realmUrl(), productionClientId);

            // Production: data items are refused; a resident logs in with their passkey and is known by sub and acr.
            HTTPResponse askingForData = production.push(production.authorizationRequest(new CodeVerifier(), "openid person.hkid"));
            assertThat(askingForData.getStatusCode()).isEqualTo(400);
            assertThat(JSONObjectUtils.parse(askingForData.getBody())).containsEntry("error", "invalid_scope");
            OIDCTokens tokens = passkeyLogin(representative, production);
            assertOnlySubjectAndAssurance(production, tokens);

            // The business disables it, by keyboard, confirming first: the token is refused at once.
            representative.open(integrationPage);
            audit.check(representative, "live integration, disable offered");
            representative.testId("switch-disable").sendKeys(Keys.ENTER);
            representative.testId("switch-confirm");
            audit.check(representative, "disabling, confirmation asked");
            representative.testId("switch-disable-confirm").sendKeys(Keys.ENTER);
            representative.testId("switch-enable");
            assertThat(representative.testId("integration-state").getText()).isEqualTo("Disabled");
            assertThat(production.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(401);
            assertThat(production.push(production.authorizationRequest(new CodeVerifier(), "openid")).getStatusCode())
                    .isEqualTo(401);

            representative.testId("switch-enable").sendKeys(Keys.ENTER);
            representative.testId("switch-disable");
            assertThat(representative.testId("integration-state").getText()).isEqualTo("Live");
            assertThat(production.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(401);
            assertThat(production.userInfo(passkeyLogin(representative, production).getAccessToken()).statusCode())
                    .isEqualTo(200);
            assertThat(auditDetails("DISABLE_RELYING_PARTY")).anySatisfy(detail ->
                    assertThat(detail).startsWith("client " + productionClientId + " for business "));
            assertThat(auditDetails("ENABLE_RELYING_PARTY")).anySatisfy(detail ->
                    assertThat(detail).startsWith("client " + productionClientId + " for business "));
        }
        audit.assertNoViolations();
    }

    @Test
    void anApproverDisablesAndEnablesAnIntegrationWhichNoOtherPersonCan() throws Exception {
        TestBank business = TestBank.unregistered(platform);
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Mong Kok");
        try (ResidentBrowser representative = accounts.verifiedResident(); ResidentBrowser approver = accounts.approver()) {
            developerPortal.declareOrganisation(representative, "Kowloon Power Company", "34567890");
            representative.click(By.cssSelector("[data-testid='integration-new']"));
            DeveloperPortal.fillDataSharing(representative, business, business.redirectUri().toString());
            representative.click(By.cssSelector("[data-testid='integration-create']"));
            representative.testId("integration-created");
            String integrationPage = representative.url();
            String integrationId = integrationPage.substring(integrationPage.indexOf("id=") + 3);
            representative.click(By.cssSelector("[data-testid='golive-request']"));
            representative.testId("golive-pending");
            approver.open(portal + "/approvals/request?id=" + integrationId);
            approver.click(By.cssSelector("[data-testid='approval-approve']"));
            approver.testId("approval-decided");
            representative.open(integrationPage);
            String productionClientId = representative.testId("production-client-id").getText();
            TestBank production = business.at(platform.settings().realmUrl(), productionClientId);
            DPoPAccessToken token = production.openAccount(resident);
            assertThat(production.personData(token).statusCode()).isEqualTo(200);
            assertThat(userInfo(production, token).statusCode()).isEqualTo(200);

            // A resident without the approver role, and another organisation's representative on their own
            // integration's page, post the disable of this integration: refused, and it keeps working.
            try (ResidentBrowser notApprover = accounts.verifiedResident(); ResidentBrowser other = accounts.verifiedResident()) {
                notApprover.open(portal + "/dashboard");
                HttpResponse<String> forged = developerPortal.post(notApprover, "/approvals/request?id=" + integrationId,
                        disablePost(DeveloperPortal.viewState(notApprover, "accountForm")));
                assertThat(forged.statusCode()).isEqualTo(403);

                developerPortal.declareOrganisation(other, "Other Utility Limited", "45678901");
                createLoginOnly(other, "https://other.example.hk/callback", TestBusiness.unregistered(platform).publicJwks());
                HttpResponse<String> foreign = developerPortal.post(other, "/developers/integration?id=" + integrationId,
                        disablePost(DeveloperPortal.viewState(other, "goLiveForm")));
                assertThat(foreign.statusCode()).isIn(200, 403, 404);
                assertThat(foreign.body()).doesNotContain("switch-done").doesNotContain(productionClientId);
            }
            assertThat(production.personData(token).statusCode()).isEqualTo(200);
            representative.open(integrationPage);
            assertThat(representative.testId("integration-state").getText()).isEqualTo("Live");

            // The approver finds it among the live integrations and disables it, confirming first.
            approver.open(portal + "/approvals/");
            approver.click(By.cssSelector("[data-testid='production-link-" + productionClientId + "']"));
            approver.click(By.cssSelector("[data-testid='switch-disable']"));
            approver.testId("switch-confirm");
            audit.check(approver, "approver disabling, confirmation asked");
            approver.click(By.cssSelector("[data-testid='switch-disable-confirm']"));
            approver.testId("switch-enable");
            HttpResponse<String> refused = production.personData(token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
            assertThat(userInfo(production, token).statusCode()).isEqualTo(401);
            representative.open(integrationPage);
            assertThat(representative.testId("integration-state").getText()).isEqualTo("Disabled");

            approver.click(By.cssSelector("[data-testid='switch-enable']"));
            approver.testId("switch-disable");
            assertThat(production.personData(token).statusCode()).isEqualTo(401);
            assertThat(production.personData(production.openAccount(resident)).statusCode()).isEqualTo(200);
            assertThat(approver.driver.findElements(By.cssSelector("[data-testid='decision-row']")))
                    .extracting(WebElement::getText).satisfiesExactly(
                            approved -> assertThat(approved).contains("Approved"),
                            disabled -> assertThat(disabled).contains("Disabled"),
                            enabled -> assertThat(enabled).contains("Enabled"));
            assertThat(auditDetails("DISABLE_RELYING_PARTY")).anySatisfy(detail ->
                    assertThat(detail).startsWith("client " + productionClientId + " for rp-approver "));
            assertThat(auditDetails("ENABLE_RELYING_PARTY")).anySatisfy(detail ->
                    assertThat(detail).startsWith("client " + productionClientId + " for rp-approver "));
        }
        audit.assertNoViolations();
    }

    @Test
    void aRegistrationWhoseRecordCannotBeWrittenLeavesNoSandboxClient() throws Exception {
        // A key id so long that the registration (stored as sent, at most 20000 characters) cannot be written, which
        // the sandbox (a key id has no limit there) does not mind: the write fails after the portal's checks passed.
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k".repeat(20_500)).generate();
        Set<String> before = sandboxClients();
        try (ResidentBrowser representative = accounts.verifiedResident()) {
            developerPortal.declareOrganisation(representative, "Unlucky Utility Limited", "56789012");
            representative.click(By.cssSelector("[data-testid='integration-new']"));
            fillLoginOnly(representative, "https://unlucky.example.hk/callback", null);
            ((JavascriptExecutor) representative.driver).executeScript("arguments[0].value = arguments[1];",
                    representative.testId("input-jwksJson"), new JWKSet(key.toPublicJWK()).toString());
            representative.click(By.cssSelector("[data-testid='integration-create']"));
            assertThat(representative.testId("error-form").getText()).contains("could not be saved");
            representative.open(portal + "/developers/");
            representative.testId("integrations-none");
        }
        assertThat(sandboxClients()).isEqualTo(before);
    }

    /** Creates a login-only integration on /developers/new; returns its page's URL. */
    private String createLoginOnly(ResidentBrowser browser, String redirectUri, String jwks) {
        browser.click(By.cssSelector("[data-testid='integration-new']"));
        fillLoginOnly(browser, redirectUri, jwks);
        browser.click(By.cssSelector("[data-testid='integration-create']"));
        browser.testId("integration-created");
        return browser.url();
    }

    private static void fillLoginOnly(ResidentBrowser browser, String redirectUri, String jwks) {
        type(browser, "nameEn", "Harbour Water");
        type(browser, "nameZhHk", "海港水務");
        type(browser, "nameZhCn", "海港水务");
        browser.driver.findElements(By.cssSelector("[data-testid='field-profile'] label")).get(1).click();
        type(browser, "redirectUris", redirectUri);
        browser.driver.findElements(By.cssSelector("[data-testid='field-jwksKind'] label")).get(1).click();
        if (jwks != null) {
            type(browser, "jwksJson", jwks);
        }
    }

    /** The resident logs in to the business with their passkey (a new login, whatever session they have). */
    private OIDCTokens passkeyLogin(ResidentBrowser resident, TestBusiness business) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = new AuthorizationRequest.Builder(business.authorizationRequest(verifier, "openid"))
                .prompt(new Prompt(Prompt.Type.LOGIN)).build();
        resident.open(request.toURI().toString());
        resident.confirmWithPasskey();
        resident.awaitUrlStartingWith(business.redirectUri().toString());
        return business.tokens(grant(resident, business, verifier));
    }

    private static AuthorizationCodeGrant grant(ResidentBrowser browser, TestBusiness business, CodeVerifier verifier)
            throws Exception {
        AuthorizationCode code = AuthorizationResponse.parse(URI.create(browser.url())).toSuccessResponse()
                .getAuthorizationCode();
        return new AuthorizationCodeGrant(code, business.redirectUri(), verifier);
    }

    private static void assertOnlySubjectAndAssurance(TestBusiness business, OIDCTokens tokens) throws Exception {
        JWTClaimsSet idToken = tokens.getIDToken().getJWTClaimsSet();
        assertThat(idToken.getSubject()).isNotBlank();
        assertThat(idToken.getStringClaim("acr")).isEqualTo("loa-verified");
        assertThat(idToken.getClaims()).doesNotContainKeys("name", "given_name", "family_name", "email",
                "preferred_username", "birthdate", "phone_number", "address");
        HttpResponse<String> userInfo = business.userInfo(tokens.getAccessToken());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(userInfo.body()).keySet()).isSubsetOf("sub", "acr");
    }

    private HttpResponse<String> userInfo(TestBank bank, AccessToken token) throws Exception {
        URI endpoint = URI.create(bank.issuer() + "/protocol/openid-connect/userinfo");
        return http.send(HttpRequest.newBuilder(endpoint).GET().header("Authorization", "DPoP " + token.getValue())
                .header("DPoP", bank.dpop().createDPoPJWT("GET", endpoint, token).serialize()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> disablePost(String viewState) {
        return Map.of("switchForm", "switchForm", "switchForm:disable", "Yes, disable it now",
                "jakarta.faces.ViewState", viewState);
    }

    /** The details of the staff audit's lines of this action, as an auditor reads them. */
    private List<String> auditDetails(String action) throws Exception {
        HttpResponse<String> trail = StaffConsoleClient.withRole(platform, "auditor", null).auditTrail();
        return com.nimbusds.jose.util.JSONArrayUtils.parse(trail.body()).stream().map(line -> (Map<?, ?>) line)
                .filter(line -> action.equals(line.get("action"))).map(line -> String.valueOf(line.get("detail")))
                .toList();
    }

    private Set<String> sandboxClients() {
        // Searched, not listed: a listing stops at the admin API's first 100 clients.
        return platform.idpAdmin().realm(Realm.SANDBOX_NAME).clients().findAll("sandbox-", null, true, 0, 100_000).stream()
                .map(ClientRepresentation::getClientId).filter(id -> id.startsWith("sandbox-")).collect(Collectors.toSet());
    }
}
