package hk.smartid.business;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Businesses that only log residents in (docs/businesses.md): registered through the onboarding API with profile
 * {@code login-only}, held to the business client policy, disabled and enabled again; each refusal sent exactly.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessIntegrationIT {

    private final Platform platform;
    private final BrowserlessResident resident;

    BusinessIntegrationIT(Platform platform) throws Exception {
        this.platform = platform;
        this.resident = BrowserlessResident.activatedAtCounter(platform, "Sha Tin");
    }

    @Test
    void shouldLogAResidentInWithAPairwiseSubjectAndTheAssuranceLevel() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);
        TestBusiness other = TestBusiness.register(platform, null);

        OIDCTokens tokens = business.logIn(resident);
        OIDCTokens atOther = other.logIn(resident);

        JWTClaimsSet idToken = tokens.getIDToken().getJWTClaimsSet();
        assertThat(idToken.getStringClaim("acr")).isEqualTo("loa-verified");
        assertThat(idToken.getSubject()).isNotBlank().isNotEqualTo(atOther.getIDToken().getJWTClaimsSet().getSubject());
        // Login only: nothing about the person but the pairwise subject.
        assertThat(idToken.getClaims()).doesNotContainKeys("name", "email", "preferred_username", "given_name");
        HttpResponse<String> userInfo = business.userInfo(tokens.getAccessToken());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(userInfo.body())).containsEntry("sub", idToken.getSubject());
    }

    @Test
    void shouldStoreALoginOnlyBusinessAsABusinessClientHeldToItsPolicy() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);

        Map<String, Object> client = new KeycloakAdmin(platform).array("/clients?clientId=" + business.clientId()).stream()
                .map(c -> (Map<String, Object>) c).findFirst().orElseThrow();
        Map<?, ?> attributes = (Map<?, ?>) client.get("attributes");
        assertThat(attributes.get("smartid.relying-party")).isEqualTo("business");
        assertThat(client.get("clientAuthenticatorType")).isEqualTo("client-jwt");
        assertThat(client.get("publicClient")).isEqualTo(false);
        assertThat(client.get("implicitFlowEnabled")).isEqualTo(false);
        assertThat(client.get("directAccessGrantsEnabled")).isEqualTo(false);
        assertThat(attributes.get("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(attributes.get("token.endpoint.auth.signing.alg")).isEqualTo("ES256");
        assertThat(attributes.get("post.logout.redirect.uris")).isEqualTo(business.postLogoutRedirectUri().toString());
        assertThat(client.get("optionalClientScopes")).asList().isEmpty();
        assertThat(client.get("defaultClientScopes")).asList().containsExactly("basic");
        assertThat(StaffConsoleClient.withRole(platform, "auditor", null).auditTrail().body())
                .contains("REGISTER_BANK", "client " + business.clientId());
    }

    @Test
    void shouldRefuseDataItemsToALoginOnlyBusinessAtTheParAndAuthorizationEndpoints() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);

        HTTPResponse pushed = business.push(business.authorizationRequest(new CodeVerifier(), "openid person.hkid"));
        BrowserlessResident.Page direct = resident.get(business.authorizationRequest(new CodeVerifier(), "openid person.name_en").toURI());

        assertThat(pushed.getStatusCode()).isEqualTo(400);
        assertThat(pushed.getBodyAsJSONObject().get("error")).isEqualTo("invalid_scope");
        assertThat(direct.location().toString()).startsWith(business.redirectUri().toString());
        assertThat(AuthorizationResponse.parse(direct.location()).toErrorResponse().getErrorObject().getCode())
                .isEqualTo("invalid_scope");
    }

    @Test
    void shouldRefuseAnHttpRedirectUriOffLocalhost() throws Exception {
        TestBusiness business = TestBusiness.unregistered(platform);

        HttpResponse<String> answer = business.onboard(business.registration(List.of("http://utility.example.hk/callback"), ""));

        assertThat(answer.statusCode()).isEqualTo(400);
        Map<String, Object> error = JSONObjectUtils.parse(answer.body());
        assertThat(error.get("error")).isEqualTo("invalid_request");
        assertThat((Map<String, Object>) error.get("fields")).containsKey("redirectUris[0]");
        assertThat(new KeycloakAdmin(platform).array("/clients?clientId=" + business.clientId())).isEmpty();
    }

    @Test
    void shouldRefusePurposesOrAnUnknownProfileForALoginOnlyBusiness() throws Exception {
        TestBusiness business = TestBusiness.unregistered(platform);

        HttpResponse<String> withPurposes = business.onboard(business.registration(", \"purposes\": [{\"id\": \"billing\", "
                + "\"statement\": {\"en\": \"Billing\", \"zh-HK\": \"帳單\", \"zh-CN\": \"账单\"}, \"items\": [\"person.hkid\"]}]"));
        HttpResponse<String> unknownProfile = business.onboard(business.registration("")
                .replace("\"login-only\"", "\"everything\""));

        assertThat(withPurposes.statusCode()).isEqualTo(400);
        assertThat((Map<String, Object>) JSONObjectUtils.parse(withPurposes.body()).get("fields")).containsKey("purposes");
        assertThat(unknownProfile.statusCode()).isEqualTo(400);
        assertThat((Map<String, Object>) JSONObjectUtils.parse(unknownProfile.body()).get("fields")).containsKey("profile");
    }

    @Test
    void shouldRefuseThePasswordGrantAndAReusedRefreshToken() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);
        OIDCTokens tokens = business.logIn(resident);

        HTTPResponse password = business.tokenRequest(new ResourceOwnerPasswordCredentialsGrant("anyone", new Secret("anything")));
        OIDCTokens refreshed = business.tokens(new RefreshTokenGrant(tokens.getRefreshToken()));
        HTTPResponse reused = business.tokenRequest(new RefreshTokenGrant(tokens.getRefreshToken()));

        assertThat(password.getStatusCode()).isEqualTo(400);
        assertThat(refreshed.getAccessToken()).isNotNull();
        assertThat(reused.getStatusCode()).isEqualTo(400);
        assertThat(reused.getBodyAsJSONObject().get("error")).isEqualTo("invalid_grant");
    }

    @Test
    void shouldStopADisabledBusinessTokensAtUserInfoAtOnceAndLetItLogInAgainOnceEnabled() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);
        OIDCTokens tokens = business.logIn(resident);
        assertThat(business.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = business.switchTo("disable");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(disabled.body())).containsEntry("enabled", false);
        assertThat(business.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(401);
        assertThat(business.tokenRequest(new RefreshTokenGrant(tokens.getRefreshToken())).getStatusCode()).isIn(400, 401);

        assertThat(business.switchTo("enable").statusCode()).isEqualTo(200);
        // A token issued before the disable stays dead; a new login works.
        assertThat(business.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(401);
        assertThat(business.userInfo(business.logIn(resident).getAccessToken()).statusCode()).isEqualTo(200);
        assertThat(StaffConsoleClient.withRole(platform, "auditor", null).auditTrail().body())
                .contains("DISABLE_RELYING_PARTY", "ENABLE_RELYING_PARTY");
    }

    @Test
    void shouldStopADisabledBankAtThePersonDataApi() throws Exception {
        TestBank bank = TestBank.register(platform);
        DPoPAccessToken token = bank.openAccount(resident);
        assertThat(bank.personData(token).statusCode()).isEqualTo(200);

        TestBusiness caller = TestBusiness.unregistered(platform);
        assertThat(caller.relyingPartyCall(bank.clientId(), "disable", TestBank.onboardingToken(platform)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = bank.personData(token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void shouldRefuseToDisableWithoutTheRoleOrAClientThatIsNoRelyingParty() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);
        String onboarding = TestBank.onboardingToken(platform);
        String auditor = new KeycloakAdmin(platform).serviceAccount("auditor", null).accessToken(platform);

        HttpResponse<String> withoutRole = business.relyingPartyCall(business.clientId(), "disable", auditor);
        HttpResponse<String> portal = business.relyingPartyCall("portal", "disable", onboarding);
        HttpResponse<String> unknown = business.relyingPartyCall("no-such-client", "enable", onboarding);

        assertThat(withoutRole.statusCode()).isEqualTo(403);
        assertThat(JSONObjectUtils.parse(withoutRole.body())).containsEntry("error", "insufficient_role");
        assertThat(portal.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(business.userInfo(business.logIn(resident).getAccessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseADisableWhoseBodyDoesNotNameWhoAskedAndLeaveTheClientEnabled() throws Exception {
        TestBusiness business = TestBusiness.register(platform, null);
        String onboarding = TestBank.onboardingToken(platform);

        for (String body : List.of("not json", "{\"requestedBy\": \"someone\"}",
                "{\"requestedBy\": \"<script>alert(1)</script>\", \"requestedAs\": \"business\"}")) {
            HttpResponse<String> refused = business.relyingPartyCall(business.clientId(), "disable", onboarding, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(JSONObjectUtils.parse(refused.body())).as(body).containsEntry("error", "invalid_json");
        }
        assertThat(business.userInfo(business.logIn(resident).getAccessToken()).statusCode()).isEqualTo(200);
    }
}
