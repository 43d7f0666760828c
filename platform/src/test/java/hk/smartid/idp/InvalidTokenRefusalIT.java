package hk.smartid.idp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST resource of ours answers {@code 401} with {@code WWW-Authenticate} and our error body to any token that
 * is not a valid signed token of this realm, never a 500. A new resource is covered by adding it to {@link #RESOURCES}.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidTokenRefusalIT {

    /** One call of one of our resources: the method, the path under the realm, the body and the authorization scheme. */
    record Call(String method, String path, String json, String scheme) {
        static Call bearer(String method, String path) {
            return new Call(method, path, method.equals("POST") ? "{}" : null, "Bearer");
        }

        @Override
        public String toString() {
            return scheme + " " + method + " " + path;
        }
    }

    static final List<Call> RESOURCES = List.of(
            Call.bearer("GET", "/relying-parties/sample-bank"),
            Call.bearer("POST", "/relying-parties"),
            Call.bearer("GET", "/enrolment/residents?hkid=A1234563"),
            Call.bearer("POST", "/enrolment/residents"),
            Call.bearer("POST", "/enrolment/residents/any/activation-code"),
            Call.bearer("POST", "/enrolment/residents/any/verification"),
            Call.bearer("GET", "/staff-audit"),
            Call.bearer("GET", "/data-sharing/consents"),
            Call.bearer("DELETE", "/data-sharing/consents/any"),
            Call.bearer("GET", "/data-sharing/disclosures"),
            Call.bearer("GET", "/data-sharing/disclosure-log/verification"),
            new Call("GET", "/data-sharing/person", null, "DPoP"),
            Call.bearer("GET", "/passkeys"),
            Call.bearer("DELETE", "/passkeys/any"),
            Call.bearer("GET", "/account-activity"),
            Call.bearer("POST", "/account-activity/not-me"),
            Call.bearer("GET", "/digital-id/attributes"));

    private final Platform platform;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String validToken;

    InvalidTokenRefusalIT(Platform platform) {
        this.platform = platform;
    }

    /** The bad tokens, made once: each is built from a real token of the realm, so only its one flaw differs. */
    @BeforeAll
    void makeTokens() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(platform);
        validToken = admin.serviceAccount("auditor", null).accessToken(platform);
        JWTClaimsSet claims = SignedJWT.parse(validToken).getJWTClaimsSet();
        String realmKid = SignedJWT.parse(validToken).getHeader().getKeyID();

        tokens.put("unsigned (alg none)", new PlainJWT(claims).serialize());
        RSAKey ours = new RSAKeyGenerator(2048).keyID(realmKid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(realmKid).build(), claims);
        forged.sign(new RSASSASigner(ours));
        tokens.put("signed with a key of our own making", forged.serialize());
        tokens.put("expired", expiredToken(admin));
        tokens.put("of the master realm", masterAdminToken());
        tokens.put("garbage", "garbage");
        tokens.put("three garbage parts", "not.a.token");
    }

    /** A real token of a client whose tokens live one second, used after it expired. */
    private String expiredToken(KeycloakAdmin admin) throws Exception {
        String clientId = "short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        admin.post("/clients", """
                {"clientId": "%s", "secret": "%s", "publicClient": false, "serviceAccountsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"}}""".formatted(clientId, secret));
        String token = new KeycloakAdmin.ServiceAccount(clientId, secret, null).accessToken(platform);
        Thread.sleep(2_500);
        return token;
    }

    private String masterAdminToken() throws Exception {
        return TokenResponse.parse(new TokenRequest(
                        URI.create(platform.settings().keycloakUrl() + "/realms/master/protocol/openid-connect/token"),
                        new ClientID("admin-cli"), new ResourceOwnerPasswordCredentialsGrant(platform.keycloakAdminUsername(),
                        new Secret(platform.secrets().keycloakAdminPassword()))).toHTTPRequest().send())
                .toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    Stream<Arguments> everyResourceWithEveryBadToken() {
        return RESOURCES.stream().flatMap(call -> tokens.keySet().stream().map(token -> Arguments.of(call, token)));
    }

    @ParameterizedTest(name = "{0} with a token {1}")
    @MethodSource("everyResourceWithEveryBadToken")
    void shouldAnswer401WithAChallenge(Call call, String badToken) throws Exception {
        HttpResponse<String> answer = send(call, tokens.get(badToken));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith(call.scheme()).contains("error=\"invalid_token\"");
        assertThat(JSONObjectUtils.parse(answer.body())).containsEntry("error", "invalid_token");
    }

    Stream<Call> resources() {
        return RESOURCES.stream();
    }

    /** The list names real resources: a valid token of the realm gets past the token check at each of them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void shouldLetAValidTokenPastTheTokenCheck(Call call) throws Exception {
        if (call.scheme().equals("DPoP")) {
            return; // a valid DPoP-bound token needs a bank and a consent: BankRefusalsIT covers it
        }
        HttpResponse<String> answer = send(call, validToken);

        assertThat(answer.statusCode()).as(answer.body()).isNotIn(401, 405, 500);
        if (answer.statusCode() == 404) {
            assertThat(answer.body()).as("a 404 of the resource, not of an unknown path").contains("_not_found");
        }
    }

    private HttpResponse<String> send(Call call, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().realmUrl() + call.path()))
                .header("Authorization", call.scheme() + " " + token)
                .method(call.method(), call.json() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.json()));
        if (call.json() != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
