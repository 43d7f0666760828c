package hk.smartid.business;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.banking.TestBank;
import hk.smartid.platform.Platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;

/**
 * A login-only business (docs/businesses.md) the test registers through the onboarding API and drives with the Nimbus
 * SDK as any OIDC library would: authorization code with PKCE, {@code private_key_jwt} (ES256) whose audience is the
 * token endpoint, plain bearer tokens.
 */
public final class TestBusiness {

    private final Platform platform;
    private final URI issuer;
    private final String clientId;
    private final URI redirectUri;
    private final URI postLogoutRedirectUri;
    private final ECKey signingKey;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestBusiness(Platform platform, String clientId) throws Exception {
        this(platform, platform.settings().realmUrl(), clientId,
                // On the sample bank's server, which answers 404: the test reads the redirect itself.
                URI.create(platform.settings().bankUrl() + "/test/" + clientId + "/callback"),
                URI.create(platform.settings().bankUrl() + "/test/" + clientId + "/logged-out"),
                new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("sig-" + clientId).generate());
    }

    private TestBusiness(Platform platform, URI issuer, String clientId, URI redirectUri, URI postLogoutRedirectUri,
                         ECKey signingKey) {
        this.platform = platform;
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.postLogoutRedirectUri = postLogoutRedirectUri;
        this.signingKey = signingKey;
    }

    /** The same business (key, redirect URIs) as client {@code clientId} of the realm {@code issuer}, e.g. the sandbox. */
    public TestBusiness at(URI issuer, String clientId) {
        return new TestBusiness(platform, issuer, clientId, redirectUri, postLogoutRedirectUri, signingKey);
    }

    /** Its public JWK set, as pasted into the developer area. */
    public String publicJwks() {
        return new JWKSet(signingKey.toPublicJWK()).toString();
    }

    /** A business not yet registered; {@link #registration(String)} is what it would send. */
    public static TestBusiness unregistered(Platform platform) throws Exception {
        return new TestBusiness(platform, "test-business-" + TestBank.letters(8));
    }

    /** Registers a new login-only business; {@code backchannelLogoutUri} may be null. */
    public static TestBusiness register(Platform platform, URI backchannelLogoutUri) throws Exception {
        TestBusiness business = unregistered(platform);
        HttpResponse<String> answer = business.onboard(business.registration(backchannelLogoutUri == null ? ""
                : ", \"backchannelLogoutUri\": \"" + backchannelLogoutUri + "\""));
        if (answer.statusCode() != 201) {
            throw new AssertionError("Registration answered " + answer.statusCode() + ": " + answer.body());
        }
        return business;
    }

    /** The login-only registration, with {@code moreMembers} (e.g. {@code , "purposes": []}) added at its end. */
    public String registration(String moreMembers) {
        return registration(List.of(redirectUri.toString()), moreMembers);
    }

    public String registration(List<String> redirectUris, String moreMembers) {
        return """
                {"clientId": "%s", "profile": "login-only",
                 "name": {"en": "Test Utility", "zh-HK": "測試公用事業", "zh-CN": "测试公用事业"},
                 "redirectUris": [%s],
                 "postLogoutRedirectUris": ["%s"],
                 "jwks": %s%s}"""
                .formatted(clientId, String.join(", ", redirectUris.stream().map(uri -> "\"" + uri + "\"").toList()),
                        postLogoutRedirectUri, new JWKSet(signingKey.toPublicJWK()), moreMembers);
    }

    public HttpResponse<String> onboard(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/relying-parties"))
                .header("Authorization", "Bearer " + TestBank.onboardingToken(platform))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String clientId() {
        return clientId;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public URI postLogoutRedirectUri() {
        return postLogoutRedirectUri;
    }

    public URI issuer() {
        return issuer;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public URI userInfoEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/userinfo");
    }

    public URI logoutEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/logout");
    }

    /** As Spring Security and most libraries make it: audience the token endpoint, ES256 for an EC key. */
    public PrivateKeyJWT assertion() throws Exception {
        return assertion(signingKey);
    }

    /** A client assertion signed with {@code key}, named by its {@code kid} (e.g. during a key rotation). */
    public PrivateKeyJWT assertion(ECKey key) throws Exception {
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID(clientId),
                List.of(new Audience(tokenEndpoint())), new Date(System.currentTimeMillis() + 60_000), null, new Date(), new JWTID());
        return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, key.toECPrivateKey(), key.getKeyID(), null);
    }

    /** A front-channel authorization request (not pushed: PAR is recommended to businesses, not required). */
    public AuthorizationRequest authorizationRequest(CodeVerifier verifier, String scope) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .redirectionURI(redirectUri)
                .scope(Scope.parse(scope))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(issuer() + "/protocol/openid-connect/auth"))
                .build();
    }

    public HTTPResponse push(AuthorizationRequest request) throws Exception {
        return push(request, assertion());
    }

    /** PAR, which authenticates the client: the assertion's key is accepted (201) or not (401). */
    public HTTPResponse push(AuthorizationRequest request, PrivateKeyJWT assertion) throws Exception {
        return new PushedAuthorizationRequest(URI.create(issuer() + "/protocol/openid-connect/ext/par/request"),
                assertion, request).toHTTPRequest().send();
    }

    /** The resident logs in (passkey, or their SmartID session); returns the ID and access tokens. */
    public OIDCTokens logIn(BrowserlessResident resident) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI callback = resident.openAuthorization(authorizationRequest(verifier, "openid").toURI()).location();
        if (!callback.toString().startsWith(redirectUri.toString())) {
            throw new AssertionError("The login ended at " + callback);
        }
        AuthorizationCode code = com.nimbusds.oauth2.sdk.AuthorizationResponse.parse(callback).toSuccessResponse()
                .getAuthorizationCode();
        return tokens(new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    public OIDCTokens tokens(com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        HTTPResponse answer = tokenRequest(grant);
        TokenResponse response = OIDCTokenResponseParser.parse(answer);
        if (!response.indicatesSuccess()) {
            throw new AssertionError("Token endpoint answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    public HTTPResponse tokenRequest(com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        return new TokenRequest(tokenEndpoint(), assertion(), grant).toHTTPRequest().send();
    }

    public HttpResponse<String> userInfo(AccessToken token) throws Exception {
        return http.send(HttpRequest.newBuilder(userInfoEndpoint()).GET()
                .header("Authorization", "Bearer " + token.getValue()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /relying-parties/{clientId}/disable} or {@code /enable} as the onboarding service account. */
    public HttpResponse<String> switchTo(String disableOrEnable) throws Exception {
        return relyingPartyCall(clientId, disableOrEnable, TestBank.onboardingToken(platform));
    }

    public HttpResponse<String> relyingPartyCall(String clientId, String disableOrEnable, String bearerToken) throws Exception {
        return relyingPartyCall(clientId, disableOrEnable, bearerToken, HttpRequest.BodyPublishers.noBody());
    }

    /** The same call with a JSON body naming who asked (or a body that does not). */
    public HttpResponse<String> relyingPartyCall(String clientId, String disableOrEnable, String bearerToken, String json)
            throws Exception {
        return relyingPartyCall(clientId, disableOrEnable, bearerToken, HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> relyingPartyCall(String clientId, String disableOrEnable, String bearerToken,
            HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(issuer() + "/relying-parties/" + clientId + "/" + disableOrEnable))
                .header("Authorization", "Bearer " + bearerToken).POST(body);
        if (body.contentLength() != 0) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
