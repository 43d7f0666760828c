package hk.smartid.e2e;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import hk.smartid.banking.TestBank;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hk.smartid.e2e.DeveloperPortal.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 end to end, in Chromium with virtual passkeys: a verified resident registers their business's integration
 * in the portal's developer area (refused fields shown at the field first), the business logs a test persona in to
 * the sandbox and gets the persona's data, asks to go live; a resident without the approver role and an officer
 * are refused when they post the approval; the approver approves, the business sees its production client, and that
 * client works in production with a resident's real passkey. A self-registered (loa-basic) resident cannot act for a
 * business.
 */
@ExtendWith(RunningPlatform.class)
class DeveloperSandboxIT {

    private final Platform platform;
    private final String portal;
    private final PortalAccounts accounts;
    private final DeveloperPortal developerPortal;
    /** The pages of the journey, each checked for WCAG 2.1 AA and walked with the Tab key (failing at the end). */
    private final AccessibilityAudit audit = new AccessibilityAudit();

    DeveloperSandboxIT(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
        this.accounts = new PortalAccounts(platform);
        this.developerPortal = new DeveloperPortal(portal);
    }

    @Test
    void aBusinessTriesItsIntegrationWithATestPersonaGoesLiveAndServesAResidentWithAPasskey() throws Exception {
        TestBank business = TestBank.unregistered(platform);
        try (ResidentBrowser representative = accounts.verifiedResident()) {
            representative.open(portal + "/developers/");
            type(representative, "organisationName", "Kowloon Power Company");
            type(representative, "businessRegistrationNumber", "1234567X");
            representative.click(By.cssSelector("[data-testid='organisation-submit']"));
            assertThat(representative.testId("error-businessRegistrationNumber").getText()).isEqualTo("Enter exactly 8 digits.");
            audit.check(representative, "developer area, organisation with a field error");
            assertThat(representative.find(By.id("organisationForm:businessRegistrationNumber")).getAttribute("aria-describedby"))
                    .contains("error-businessRegistrationNumber");
            type(representative, "businessRegistrationNumber", "12345678");
            representative.click(By.cssSelector("[data-testid='organisation-submit']"));
            assertThat(representative.testId("organisation-brn").getText()).isEqualTo("12345678");

            representative.click(By.cssSelector("[data-testid='integration-new']"));
            DeveloperPortal.fillDataSharing(representative, business, "http://power.example/callback");
            representative.click(By.cssSelector("[data-testid='integration-create']"));
            assertThat(representative.testId("error-redirectUris").getText()).contains("Line 1").contains("https");
            audit.check(representative, "new integration with a field error");
            type(representative, "redirectUris", business.redirectUri().toString());
            representative.click(By.cssSelector("[data-testid='integration-create']"));

            representative.testId("integration-created");
            assertThat(representative.testId("integration-state").getText()).isEqualTo("In the sandbox");
            String sandboxClientId = representative.testId("sandbox-client-id").getText();
            assertThat(sandboxClientId).startsWith("sandbox-");
            assertThat(representative.testId("sandbox-issuer").getText()).isEqualTo(platform.settings().sandboxRealmUrl().toString());
            String integrationPage = representative.url();
            audit.check(representative, "integration in the sandbox");

            // The business logs the verified test persona in to the sandbox, without a passkey, and gets its data.
            TestBank sandbox = business.at(platform.settings().sandboxRealmUrl(), sandboxClientId);
            try (ResidentBrowser tester = new ResidentBrowser()) {
                CodeVerifier verifier = new CodeVerifier();
                tester.open(sandbox.authorizationUrl(verifier, TestBank.ITEMS).toString());
                tester.find(By.id("persona-verified"));
                audit.check(tester, "sandbox persona picker");
                tester.click(By.id("persona-verified"));
                tester.find(By.id("smartid-consent-form"));
                assertThat(tester.pageText()).contains("Kowloon Power").contains("Z683365(A)");
                tester.click(By.id("smartid-consent-approve"));
                tester.awaitUrlStartingWith(sandbox.redirectUri().toString());
                AuthorizationCode code = AuthorizationResponse.parse(URI.create(tester.url())).toSuccessResponse()
                        .getAuthorizationCode();
                DPoPAccessToken token = sandbox.redeem(code, verifier);
                HttpResponse<String> data = sandbox.personData(token);
                assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
                SignedJWT answer = sandbox.decrypt(data.body());
                assertThat(answer.getJWTClaimsSet().getIssuer()).isEqualTo(platform.settings().sandboxRealmUrl().toString());
                assertThat(answer.getJWTClaimsSet().getJSONObjectClaim("person").toString()).contains("CHAN").contains("陳大文");
            }

            // Going live: the request waits for an approver.
            representative.click(By.cssSelector("[data-testid='golive-request']"));
            assertThat(representative.testId("golive-pending").isDisplayed()).isTrue();
            String integrationId = integrationPage.substring(integrationPage.indexOf("id=") + 3);

            // Posting the approval without the approver role is refused, for a resident and for an officer alike.
            try (ResidentBrowser resident = accounts.verifiedResident(); ResidentBrowser officer = accounts.officer("TD")) {
                for (ResidentBrowser notApprover : List.of(resident, officer)) {
                    HttpResponse<String> forged = postApproval(notApprover, integrationId);
                    assertThat(forged.statusCode()).isEqualTo(403);
                    assertThat(forged.body()).doesNotContain(sandboxClientId);
                }
            }
            representative.open(integrationPage);
            assertThat(representative.testId("integration-state").getText()).isEqualTo("Waiting for approval");

            try (ResidentBrowser approver = accounts.approver()) {
                approver.open(portal + "/approvals/");
                approver.testId("approvals-pending");
                audit.check(approver, "go-live requests");
                approver.click(By.cssSelector("[data-testid='approval-link-" + sandboxClientId + "']"));
                assertThat(approver.testId("approval-organisation").getText()).isEqualTo("Kowloon Power Company");
                // Refusing needs a reason, which the business then reads; it asks again.
                approver.click(By.cssSelector("[data-testid='approval-refuse']"));
                assertThat(approver.testId("error-reason").getText()).isEqualTo("Give the reason for refusing.");
                audit.check(approver, "go-live request, refused without a reason");
                type(approver, "reason", "Your privacy notice link is missing.");
                approver.click(By.cssSelector("[data-testid='approval-refuse']"));
                assertThat(approver.testId("approval-decided").getText()).contains("Refused");

                representative.open(integrationPage);
                assertThat(representative.testId("integration-state").getText()).isEqualTo("Not approved");
                assertThat(representative.testId("golive-reason").getText()).isEqualTo("Your privacy notice link is missing.");
                representative.click(By.cssSelector("[data-testid='golive-request']"));
                assertThat(representative.testId("golive-pending").isDisplayed()).isTrue();

                approver.open(portal + "/approvals/request?id=" + integrationId);
                approver.click(By.cssSelector("[data-testid='approval-approve']"));
                assertThat(approver.testId("approval-decided").getText()).contains("Approved");
                List<WebElement> decisions = approver.driver.findElements(By.cssSelector("[data-testid='decision-row']"));
                assertThat(decisions).extracting(WebElement::getText).satisfiesExactly(
                        refused -> assertThat(refused).contains("Refused").contains("Your privacy notice link is missing."),
                        approved -> assertThat(approved).contains("Approved"));
            }

            representative.open(integrationPage);
            assertThat(representative.testId("integration-state").getText()).isEqualTo("Live");
            String productionClientId = representative.testId("production-client-id").getText();
            assertThat(productionClientId).startsWith("biz-").isNotEqualTo(sandboxClientId);
            audit.check(representative, "integration live");

            // Production: a real resident (the representative themself) confirms with their passkey and consents.
            TestBank production = business.at(platform.settings().realmUrl(), productionClientId);
            CodeVerifier verifier = new CodeVerifier();
            representative.open(production.authorizationUrl(verifier, TestBank.ITEMS).toString());
            representative.confirmWithPasskey();
            representative.find(By.id("smartid-consent-form"));
            assertThat(representative.driver.findElements(By.id("persona-verified"))).isEmpty();
            representative.click(By.id("smartid-consent-approve"));
            representative.awaitUrlStartingWith(production.redirectUri().toString());
            AuthorizationCode code = AuthorizationResponse.parse(URI.create(representative.url())).toSuccessResponse()
                    .getAuthorizationCode();
            HttpResponse<String> data = production.personData(production.redeem(code, verifier));
            assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
            SignedJWT answer = production.decrypt(data.body());
            assertThat(answer.getJWTClaimsSet().getIssuer()).isEqualTo(platform.settings().realmUrl().toString());
            assertThat(answer.getJWTClaimsSet().getJSONObjectClaim("person").toString()).contains("CHAN")
                    .doesNotContain("Z683365(A)");
        }
        audit.assertNoViolations();
    }

    @Test
    void aSelfRegisteredResidentCannotActForABusiness() throws Exception {
        try (ResidentBrowser basic = new ResidentBrowser()) {
            basic.open(portal + "/login");
            basic.awaitUrlStartingWith(platform.settings().keycloakUrl().toString());
            basic.startRegistration("resident-" + UUID.randomUUID() + "@example.hk", "Self Registered");
            basic.registerPasskey();
            basic.awaitUrlStartingWith(portal + "/dashboard");

            basic.open(portal + "/developers/");
            basic.awaitUrlStartingWith(portal + "/verification-needed");
            // The organisation form posted straight to the page is refused the same way, and nothing is kept.
            String viewState = basic.driver.findElement(By.cssSelector("#accountForm [name='jakarta.faces.ViewState']"))
                    .getAttribute("value");
            HttpResponse<String> posted = developerPortal.post(basic, "/developers/index", Map.of("organisationForm", "organisationForm",
                    "organisationForm:organisationName", "Shell Company", "organisationForm:businessRegistrationNumber",
                    "87654321", "organisationForm:declare", "Save organisation", "jakarta.faces.ViewState", viewState));
            assertThat(posted.statusCode()).isEqualTo(302);
            assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/verification-needed"));
        }
    }

    /** The approval form's post, with the poster's own session and a view state of their own page. */
    private HttpResponse<String> postApproval(ResidentBrowser browser, String integrationId) throws Exception {
        browser.open(portal + "/dashboard");
        String viewState = browser.driver.findElement(By.cssSelector("#accountForm [name='jakarta.faces.ViewState']"))
                .getAttribute("value");
        return developerPortal.post(browser, "/approvals/request?id=" + integrationId, Map.of("decisionForm", "decisionForm",
                "decisionForm:approve", "Approve and create the production client", "jakarta.faces.ViewState", viewState));
    }
}
