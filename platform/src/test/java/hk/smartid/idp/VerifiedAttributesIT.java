package hk.smartid.idp;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
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
import hk.smartid.e2e.ResidentBrowser;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity a counter verified stays as verified: a resident cannot change it through Keycloak's account
 * API, neither without the account roles (which residents do not get) nor with them (the user profile makes
 * the verified attributes read-only to the user). Uses a resident's real token from a passkey login.
 */
@ExtendWith(RunningPlatform.class)
class VerifiedAttributesIT {

    private static final String BIRTH = "1970-12-24";
    private static final List<String> VERIFIED = List.of("hkid_number", "assurance_level", "surname_en");

    private final Platform platform;
    private final KeycloakAdmin admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI realm;
    private final URI account;

    VerifiedAttributesIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
        this.realm = platform.settings().realmUrl();
        this.account = URI.create(realm + "/account/");
    }

    @Test
    void shouldRefuseAResidentEditingTheirVerifiedIdentityThroughTheAccountApi() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        StaffConsoleClient staff = StaffConsoleClient.forCounterStaff(platform, "Sai Kung");
        String code = staff.enrol(hkid, BIRTH);
        String residentId = staff.find(hkid);
        Map<String, Object> verified = verifiedAttributes(residentId);

        try (ResidentBrowser phone = new ResidentBrowser()) {
            String portal = platform.settings().portalUrl().toString();
            phone.activate(portal, hkid, BIRTH, code);
            phone.registerPasskey();
            phone.awaitUrlStartingWith(portal + "/dashboard");

            // As residents are: no role of the account API at all.
            String token = accessToken(phone);
            assertThat(get(token).statusCode()).isIn(401, 403);
            assertThat(post(token, "{\"attributes\": {\"surname_en\": [\"WONG\"]}}").statusCode()).isIn(401, 403);

            // Even an administrator's slip giving the resident manage-account does not open the verified attributes.
            admin.grantClientRole(residentId, "account", "manage-account");
            String manager = accessToken(phone);
            HttpResponse<String> own = get(manager);
            assertThat(own.statusCode()).isEqualTo(200);
            for (Map.Entry<String, String> change : Map.of("hkid_number", StaffConsoleClient.randomHkid(),
                    "assurance_level", "loa-basic", "surname_en", "WONG").entrySet()) {
                HttpResponse<String> refused = post(manager, withAttribute(own.body(), change.getKey(), change.getValue()));

                assertThat(refused.statusCode()).as(change.getKey()).isEqualTo(400);
                assertThat(refused.body()).as(change.getKey()).contains("error-user-attribute-read-only");
            }
        }
        assertThat(verifiedAttributes(residentId)).isEqualTo(verified);
    }

    /** The resident's account as the account API showed it, with one attribute changed. */
    @SuppressWarnings("unchecked")
    private static String withAttribute(String accountJson, String name, String value) throws Exception {
        Map<String, Object> representation = JSONObjectUtils.parse(accountJson);
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) representation.get("attributes"));
        attributes.put(name, List.of(value));
        representation.put("attributes", attributes);
        return JSONObjectUtils.toJSONString(representation);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verifiedAttributes(String residentId) throws Exception {
        Map<String, Object> attributes = (Map<String, Object>) admin.object("/users/" + residentId).get("attributes");
        Map<String, Object> verified = new HashMap<>();
        VERIFIED.forEach(name -> verified.put(name, attributes.get(name)));
        assertThat(verified).doesNotContainValue(null);
        return verified;
    }

    /**
     * The access token of the resident logged in to {@code browser}: an authorization code flow with PKCE for a
     * client of this test, answered at once from the browser's IdP session.
     */
    private String accessToken(ResidentBrowser browser) throws Exception {
        URI callback = URI.create(realm + "/.well-known/openid-configuration");
        ClientID client = new ClientID(admin.publicClient(callback.toString()));
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        browser.open(new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                .endpointURI(URI.create(realm + "/protocol/openid-connect/auth"))
                .redirectionURI(callback).scope(new Scope("openid")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI().toString());
        browser.awaitUrlStartingWith(callback + "?");
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(browser.url()));
        assertThat(response.getState()).isEqualTo(state);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        return TokenResponse.parse(new TokenRequest(URI.create(realm + "/protocol/openid-connect/token"), client,
                        new AuthorizationCodeGrant(code, callback, verifier)).toHTTPRequest().send())
                .toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
