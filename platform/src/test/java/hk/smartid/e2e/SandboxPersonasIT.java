package hk.smartid.e2e;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hk.smartid.banking.TestBank;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.platform.Platform;
import hk.smartid.platform.Realm;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox realm (issue 11): derived from the production realm with test personas, whose picker works only
 * there. Refusals sent exactly: a persona's login posted to the production realm, a sandbox client at the production
 * realm, the persona picker placed in another realm's flow; and the "consent revoked" persona stops the business's
 * person-data call.
 */
@ExtendWith(RunningPlatform.class)
class SandboxPersonasIT {

    private static final List<String> PERSONAS = List.of("persona-basic", "persona-consent-revoked", "persona-minor",
            "persona-no-mobile", "persona-verified");

    private final Platform platform;

    SandboxPersonasIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void theSandboxHasProductionsFlowsAndPoliciesAndTheTestPersonas() {
        RealmResource sandbox = platform.idpAdmin().realm(Realm.SANDBOX_NAME);
        RealmResource production = platform.idpAdmin().realm(Realm.NAME);
        RealmRepresentation sandboxRealm = sandbox.toRepresentation();
        assertThat(sandboxRealm.getBrowserFlow()).isEqualTo(production.toRepresentation().getBrowserFlow());
        assertThat(sandbox.flows().getFlows()).extracting(AuthenticationFlowRepresentation::getAlias)
                .containsAll(production.flows().getFlows().stream().map(AuthenticationFlowRepresentation::getAlias).toList());
        assertThat(sandbox.clientPoliciesPoliciesResource().getPolicies().getPolicies())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(production.clientPoliciesPoliciesResource().getPolicies().getPolicies());
        assertThat(sandbox.clientPoliciesProfilesResource().getProfiles(false).getProfiles())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(production.clientPoliciesProfilesResource().getProfiles(false).getProfiles());
        assertThat(sandbox.clients().findByClientId(Realm.PORTAL_CLIENT_ID)).as("no portal login in the sandbox").isEmpty();

        GroupRepresentation group = sandbox.groups().groups().stream().filter(g -> g.getName().equals("test-personas"))
                .findFirst().orElseThrow();
        List<UserRepresentation> personas = sandbox.groups().group(group.getId()).members();
        assertThat(personas).extracting(UserRepresentation::getUsername).containsExactlyInAnyOrderElementsOf(PERSONAS);
        Map<String, UserRepresentation> byName = personas.stream()
                .collect(java.util.stream.Collectors.toMap(UserRepresentation::getUsername, p -> sandbox.users().get(p.getId()).toRepresentation()));
        assertThat(byName.get("persona-verified").getAttributes()).containsKeys("hkid_number", "surname_en", "given_names_en",
                "name_zh", "birthdate", "gender", "residential_address", "mobile_number", "verified_by", "verified_at")
                .containsEntry("assurance_level", List.of("loa-verified"));
        assertThat(byName.get("persona-verified").getEmail()).isNotBlank();
        assertThat(byName.get("persona-basic").getAttributes()).containsEntry("assurance_level", List.of("loa-basic"))
                .doesNotContainKey("hkid_number");
        assertThat(byName.get("persona-no-mobile").getAttributes()).doesNotContainKey("mobile_number")
                .containsEntry("assurance_level", List.of("loa-verified"));
        LocalDate minorBirth = LocalDate.parse(byName.get("persona-minor").getAttributes().get("birthdate").get(0));
        assertThat(Period.between(minorBirth, LocalDate.now()).getYears()).isLessThan(18);

        for (String persona : PERSONAS) {
            assertThat(production.users().searchByUsername(persona, true)).as(persona + " in production").isEmpty();
        }
    }

    @Test
    void aSandboxClientIsUnknownToProductionAndAPersonaLoginPostedToProductionLogsNoOneIn() throws Exception {
        String clientId = "sandbox-only-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        TestBank sandboxBank = TestBank.unregistered(platform).at(platform.settings().sandboxRealmUrl(), clientId);
        String token = new KeycloakAdmin.ServiceAccount(Realm.PORTAL_ONBOARDING_CLIENT_ID,
                platform.secrets().sandboxOnboardingClientSecret(), null).accessToken(platform, Realm.SANDBOX_NAME);
        HttpResponse<String> registered = sandboxBank.onboard(sandboxBank.registration(), token);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        // The same client id and keys at the production realm: no such client (Keycloak's PAR endpoint answers 401).
        TestBank atProduction = sandboxBank.at(platform.settings().realmUrl(), clientId);
        HTTPResponse pushed = atProduction.push(atProduction.authorizationRequest(new CodeVerifier(), TestBank.ITEMS).build(),
                atProduction.assertion());
        assertThat(pushed.getStatusCode()).isEqualTo(401);
        assertThat(pushed.getBody()).contains("Authentication failed");

        // A production bank's login page: no persona picker; a persona posted to its form logs no one in.
        TestBank bank = TestBank.register(platform);
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(bank.authorizationUrl(new CodeVerifier(), TestBank.ITEMS).toString());
            browser.find(By.id("authenticateWebAuthnButton"));
            assertThat(browser.driver.findElements(By.id("persona-verified"))).isEmpty();
            WebElement page = browser.driver.findElement(By.tagName("html"));
            browser.driver.executeScript("""
                    const login = document.querySelector('form[action*="login-actions"]');
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = login.action;
                    const persona = document.createElement('input');
                    persona.name = 'persona';
                    persona.value = 'persona-verified';
                    form.appendChild(persona);
                    document.body.appendChild(form);
                    form.submit();""");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
            browser.find(By.tagName("body"));
            assertThat(browser.url()).doesNotStartWith(bank.redirectUri().toString()).doesNotContain("code=");
            assertThat(browser.driver.manage().getCookieNamed("KEYCLOAK_IDENTITY")).as("no IdP session").isNull();
        }
    }

    @Test
    void thePersonaPickerRefusesToRunInARealmOtherThanTheSandbox() throws Exception {
        String realmName = "persona-trap-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation trap = new RealmRepresentation();
        trap.setRealm(realmName);
        trap.setEnabled(true);
        trap.setLoginTheme("smartid");
        AuthenticationExecutionExportRepresentation picker = new AuthenticationExecutionExportRepresentation();
        picker.setAuthenticator("smartid-sandbox-persona");
        picker.setRequirement("ALTERNATIVE");
        picker.setPriority(10);
        picker.setAuthenticatorFlow(false);
        picker.setUserSetupAllowed(false);
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias("copied persona browser");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setAuthenticationExecutions(List.of(picker));
        trap.setAuthenticationFlows(List.of(flow));
        trap.setBrowserFlow("copied persona browser");
        GroupRepresentation group = new GroupRepresentation();
        group.setName("test-personas");
        trap.setGroups(List.of(group));
        UserRepresentation persona = new UserRepresentation();
        persona.setUsername("persona-verified");
        persona.setEnabled(true);
        persona.setFirstName("Copied persona");
        persona.setGroups(List.of("/test-personas"));
        trap.setUsers(List.of(persona));
        String redirect = platform.settings().bankUrl() + "/test/trap/callback";
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("trap-app");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(redirect));
        trap.setClients(List.of(client));
        platform.idpAdmin().realms().create(trap);
        try (ResidentBrowser browser = new ResidentBrowser()) {
            browser.open(platform.settings().keycloakUrl() + "/realms/" + realmName
                    + "/protocol/openid-connect/auth?response_type=code&client_id=trap-app&scope=openid&redirect_uri="
                    + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(browser.find(By.tagName("body")).getText()).contains("Test personas exist only in the SmartID sandbox.");
            assertThat(browser.driver.findElements(By.id("persona-verified"))).isEmpty();
            assertThat(browser.url()).doesNotStartWith(redirect);
        } finally {
            platform.idpAdmin().realm(realmName).remove();
        }
    }

    @Test
    void theConsentRevokedPersonaStopsTheBusinesssNextPersonDataCall() throws Exception {
        String clientId = "sandbox-revoked-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        TestBank business = TestBank.unregistered(platform).at(platform.settings().sandboxRealmUrl(), clientId);
        String token = new KeycloakAdmin.ServiceAccount(Realm.PORTAL_ONBOARDING_CLIENT_ID,
                platform.secrets().sandboxOnboardingClientSecret(), null).accessToken(platform, Realm.SANDBOX_NAME);
        assertThat(business.onboard(business.registration(), token).statusCode()).isEqualTo(201);
        for (String persona : List.of("persona-verified", "persona-consent-revoked")) {
            try (ResidentBrowser tester = new ResidentBrowser()) {
                CodeVerifier verifier = new CodeVerifier();
                tester.open(business.authorizationUrl(verifier, TestBank.ITEMS).toString());
                tester.click(By.id(persona));
                tester.click(By.id("smartid-consent-approve"));
                tester.awaitUrlStartingWith(business.redirectUri().toString());
                AuthorizationCode code = AuthorizationResponse.parse(URI.create(tester.url())).toSuccessResponse()
                        .getAuthorizationCode();
                HttpResponse<String> data = business.personData(business.redeem(code, verifier));
                assertThat(data.statusCode()).as(persona + ": " + data.body())
                        .isEqualTo(persona.equals("persona-verified") ? 200 : 401);
            }
        }
    }
}
