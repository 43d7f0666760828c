package hk.smartid.business;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logout for businesses (docs/businesses.md): RP-initiated logout to a registered post-logout URI, and back-channel
 * logout tokens, verified as the business must verify them, when the resident says "This was not me" or revokes a
 * consent.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessLogoutIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Platform platform;
    private final LogoutTokenReceiver receiver = new LogoutTokenReceiver();
    private final HttpClient http = HttpClient.newHttpClient();

    BusinessLogoutIT(Platform platform) throws Exception {
        this.platform = platform;
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldEndTheSessionAndReturnToTheRegisteredPostLogoutUri() throws Exception {
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Tsuen Wan");
        TestBusiness business = TestBusiness.register(platform, null);
        OIDCTokens tokens = business.logIn(resident);
        State state = new State();

        BrowserlessResident.Page loggedOut = resident.get(new LogoutRequest(business.logoutEndpoint(), tokens.getIDToken(),
                business.postLogoutRedirectUri(), state).toURI());

        assertThat(loggedOut.location().toString()).startsWith(business.postLogoutRedirectUri() + "?state=" + state.getValue());
        assertThat(business.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(401);
        // The IdP session is gone: the next login asks for the passkey again.
        assertThat(resident.get(business.authorizationRequest(new CodeVerifier(), "openid").toURI()).body())
                .contains("id=\"webauth\"");
    }

    @Test
    void shouldRefuseAPostLogoutUriThatWasNotRegistered() throws Exception {
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Tsuen Wan");
        TestBusiness business = TestBusiness.register(platform, null);
        OIDCTokens tokens = business.logIn(resident);

        BrowserlessResident.Page refused = resident.get(new LogoutRequest(business.logoutEndpoint(), tokens.getIDToken(),
                URI.create("https://elsewhere.example.hk/"), new State()).toURI());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(business.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldTellTheBusinessWhenTheResidentSaysThisWasNotMe() throws Exception {
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Tsuen Wan");
        TestBusiness business = TestBusiness.register(platform, receiver.uri());
        OIDCTokens tokens = business.logIn(resident);
        String ownToken = residentAccessToken(resident);

        HttpResponse<String> notMe = http.send(HttpRequest.newBuilder(URI.create(platform.settings().realmUrl()
                        + "/account-activity/not-me")).header("Authorization", "Bearer " + ownToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(notMe.statusCode()).isEqualTo(200);
        LogoutTokenClaimsSet logout = receiver.next(platform.settings().realmUrl(), business.clientId(), WAIT);
        assertThat(logout.getSessionID().getValue()).isEqualTo(tokens.getIDToken().getJWTClaimsSet().getStringClaim("sid"));
        assertThat(logout.getSubject().getValue()).isEqualTo(tokens.getIDToken().getJWTClaimsSet().getSubject());
        assertThat(logout.toJWTClaimsSet().getJSONObjectClaim("events"))
                .containsKey("http://schemas.openid.net/event/backchannel-logout");
        assertThat(business.userInfo(tokens.getAccessToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldTellADataSharingBusinessWhenTheResidentRevokesTheConsent() throws Exception {
        BrowserlessResident resident = BrowserlessResident.activatedAtCounter(platform, "Tsuen Wan");
        TestBank bank = TestBank.registerWithBackchannelLogout(platform, receiver.uri());
        bank.openAccount(resident);
        String ownToken = residentAccessToken(resident);
        List<Object> consents = com.nimbusds.jose.util.JSONArrayUtils.parse(http.send(HttpRequest.newBuilder(URI.create(
                        platform.settings().realmUrl() + "/data-sharing/consents")).header("Authorization", "Bearer " + ownToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        String consentId = consents.stream().map(c -> (Map<?, ?>) c)
                .filter(c -> bank.clientId().equals(c.get("clientId"))).map(c -> (String) c.get("id")).findFirst().orElseThrow();

        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(platform.settings().realmUrl()
                        + "/data-sharing/consents/" + consentId)).header("Authorization", "Bearer " + ownToken)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(revoked.statusCode()).isEqualTo(204);
        LogoutTokenClaimsSet logout = receiver.next(platform.settings().realmUrl(), bank.clientId(), WAIT);
        assertThat(logout.getSubject()).isNotNull();
        assertThat(logout.toJWTClaimsSet().getJSONObjectClaim("events"))
                .containsKey("http://schemas.openid.net/event/backchannel-logout");
    }

    /**
     * The resident's own access token, as the portal holds it: an authorization code flow with PKCE for a public client
     * of this test, answered at once from the resident's IdP session.
     */
    private String residentAccessToken(BrowserlessResident resident) throws Exception {
        URI callback = URI.create(platform.settings().realmUrl() + "/.well-known/openid-configuration");
        ClientID client = new ClientID(new KeycloakAdmin(platform).publicClient(callback.toString()));
        CodeVerifier verifier = new CodeVerifier();
        BrowserlessResident.Page page = resident.get(new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                .endpointURI(URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/auth"))
                .redirectionURI(callback).scope(new Scope("openid")).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI());
        var code = AuthorizationResponse.parse(page.uri()).toSuccessResponse().getAuthorizationCode();
        return TokenResponse.parse(new TokenRequest(URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/token"),
                        client, new AuthorizationCodeGrant(code, callback, verifier)).toHTTPRequest().send())
                .toSuccessResponse().getTokens().getAccessToken().getValue();
    }
}
