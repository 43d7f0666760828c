package hk.smartid.banking;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.platform.Platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A bank the test registers through the onboarding API and then drives with the Nimbus OAuth 2.0 SDK:
 * correctly by default, and misbehaving wherever a test asks it to.
 */
public final class TestBank {

    public static final String PURPOSE = "account-opening";
    public static final List<String> ITEMS = List.of("person.name_en", "person.name_zh", "person.hkid",
            "person.birthdate", "person.address", "person.mobile", "person.email");
    /** The purpose a bank registered with {@link #registerWithTwoPurposes} has besides {@link #PURPOSE}. */
    public static final String SECOND_PURPOSE = "card-application";
    public static final List<String> SECOND_ITEMS = List.of("person.name_en", "person.birthdate");

    private final Platform platform;
    private final String clientId;
    /** The realm it is registered in: production's, or the sandbox's for a business trying its integration. */
    private final URI issuer;
    private final URI redirectUri;
    private final RSAKey signingKey;
    private final RSAKey encryptionKey;
    private final ECKey dpopKey;
    private final DefaultDPoPProofFactory dpop;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestBank(Platform platform, String clientId) throws Exception {
        this.platform = platform;
        this.clientId = clientId;
        this.issuer = platform.settings().realmUrl();
        // On the sample bank's server, which answers 404: a browser lands somewhere real, and the test reads the URL.
        this.redirectUri = URI.create(platform.settings().bankUrl() + "/test/" + clientId + "/callback");
        this.signingKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("sig-" + clientId).generate();
        this.encryptionKey = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("enc-" + clientId).generate();
        this.dpopKey = new ECKeyGenerator(Curve.P_256).keyID("dpop-" + clientId).generate();
        this.dpop = new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256);
    }

    private TestBank(TestBank keys, String clientId, URI issuer) {
        this.platform = keys.platform;
        this.clientId = clientId;
        this.issuer = issuer;
        this.redirectUri = keys.redirectUri;
        this.signingKey = keys.signingKey;
        this.encryptionKey = keys.encryptionKey;
        this.dpopKey = keys.dpopKey;
        this.dpop = keys.dpop;
    }

    /**
     * A business not registered anywhere yet (its keys and redirect URI), e.g. one that registers itself through the
     * portal's developer area; {@link #at} then names the client id and realm it got.
     */
    public static TestBank unregistered(Platform platform) throws Exception {
        return new TestBank(platform, "test-business-" + letters(8));
    }

    /** The same business (keys, redirect URI) as the client {@code clientId} of the realm {@code issuer}. */
    public TestBank at(URI issuer, String clientId) {
        return new TestBank(this, clientId, issuer);
    }

    /** Its public JWK set (signing and encryption key), as a registration carries it. */
    public String publicJwks() {
        return new JWKSet(List.of(signingKey.toPublicJWK(), encryptionKey.toPublicJWK())).toString();
    }

    /** Registers a new bank with a unique client id; its redirect URI points nowhere (the test reads the redirect itself). */
    public static TestBank register(Platform platform) throws Exception {
        TestBank bank = new TestBank(platform, "test-bank-" + letters(8));
        return bank.registered(bank.registration());
    }

    /**
     * Letters only: the staff audit trail withholds a detail with a run of six digits (it could be an identity
     * number), and the client id is in the onboarding line's detail.
     */
    public static String letters(int count) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    public String registration() {
        return registration(publicJwks());
    }

    /** This bank's registration with {@code jwksJson} as its JWK set. */
    public String registration(String jwksJson) {
        return """
                {"clientId": "%s",
                 "name": {"en": "Test Bank", "zh-HK": "測試銀行", "zh-CN": "测试银行"},
                 "redirectUris": ["%s"],
                 "jwks": %s,
                 "purposes": [{"id": "%s",
                   "statement": {"en": "To open a bank account for you.", "zh-HK": "為你開立銀行戶口。", "zh-CN": "为你开立银行账户。"},
                   "items": [%s]}]}"""
                .formatted(clientId, redirectUri, jwksJson, PURPOSE, String.join(", ", ITEMS.stream().map(item -> "\"" + item + "\"").toList()));
    }

    /** This bank, once {@code registration} is onboarded (201); anything else fails the test with SmartID's answer. */
    private TestBank registered(String registration) throws Exception {
        HttpResponse<String> answer = onboard(registration);
        if (answer.statusCode() != 201) {
            throw new AssertionError("Registration answered " + answer.statusCode() + ": " + answer.body());
        }
        return this;
    }

    /** Posts a registration as the onboarding service account does. */
    public HttpResponse<String> onboard(String json) throws Exception {
        return onboard(json, onboardingToken(platform));
    }

    public HttpResponse<String> onboard(String json, String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer() + "/relying-parties"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String onboardingToken(Platform platform) throws Exception {
        return new KeycloakAdmin.ServiceAccount("smartid-onboarding", platform.secrets().onboardingClientSecret(), null)
                .accessToken(platform);
    }

    /** As {@link #register(Platform)}, with a second purpose ({@link #SECOND_PURPOSE}) registered after the first. */
    public static TestBank registerWithTwoPurposes(Platform platform) throws Exception {
        TestBank bank = new TestBank(platform, "test-bank-" + letters(8));
        Map<String, Object> registration = JSONObjectUtils.parse(bank.registration());
        List<Object> purposes = new ArrayList<>(JSONObjectUtils.getJSONArray(registration, "purposes"));
        purposes.add(Map.of("id", SECOND_PURPOSE,
                "statement", Map.of("en", "To issue you a credit card.", "zh-HK", "為你發出信用卡。", "zh-CN", "为你发出信用卡。"),
                "items", SECOND_ITEMS));
        registration.put("purposes", purposes);
        return bank.registered(JSONObjectUtils.toJSONString(registration));
    }

    /** As {@link #register(Platform)}, with a back-channel logout URI (docs/businesses.md). */
    public static TestBank registerWithBackchannelLogout(Platform platform, URI backchannelLogoutUri) throws Exception {
        TestBank bank = new TestBank(platform, "test-bank-" + letters(8));
        String registration = bank.registration();
        return bank.registered(registration.substring(0, registration.lastIndexOf('}'))
                + ", \"backchannelLogoutUri\": \"" + backchannelLogoutUri + "\"}");
    }

    public String clientId() {
        return clientId;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public URI issuer() {
        return issuer;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/token");
    }

    static URI tokenEndpoint(Platform platform) {
        return URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/token");
    }

    public URI parEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/ext/par/request");
    }

    public URI revocationEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/revoke");
    }

    public URI introspectionEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token/introspect");
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/auth");
    }

    public URI personDataEndpoint() {
        return URI.create(issuer() + "/data-sharing/person");
    }

    /** A client assertion as the profile requires: this bank, audience the issuer, fresh. */
    public PrivateKeyJWT assertion() throws Exception {
        return assertion(issuer().toString(), new Date(System.currentTimeMillis() + 60_000), signingKey);
    }

    public PrivateKeyJWT assertion(String audience, Date expiry, RSAKey key) throws Exception {
        return assertion(audience, expiry, key, JWSAlgorithm.PS256);
    }

    /** A fresh, otherwise proper client assertion signed with {@code algorithm} (e.g. RS256, which banks may not use). */
    public PrivateKeyJWT assertion(JWSAlgorithm algorithm) throws Exception {
        return assertion(issuer().toString(), new Date(System.currentTimeMillis() + 60_000), signingKey, algorithm);
    }

    private PrivateKeyJWT assertion(String audience, Date expiry, RSAKey key, JWSAlgorithm algorithm) throws Exception {
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID(clientId),
                List.of(new Audience(audience)), expiry, null, new Date(), new JWTID());
        return new PrivateKeyJWT(claims, algorithm, key.toRSAPrivateKey(), key.getKeyID(), null);
    }

    /** The authorization request a well-behaved bank pushes; {@code change} may spoil it. */
    public AuthorizationRequest.Builder authorizationRequest(CodeVerifier verifier, List<String> items) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .redirectionURI(redirectUri)
                .scope(new Scope(concat("openid", items)))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("purpose", PURPOSE)
                .customParameter("acr_values", "loa-verified")
                .endpointURI(authorizationEndpoint());
    }

    /** Pushes the request; returns the raw answer (201 with request_uri, or 400 with the refusal). */
    public HTTPResponse push(AuthorizationRequest request, ClientAuthentication authentication) throws Exception {
        return new com.nimbusds.oauth2.sdk.PushedAuthorizationRequest(parEndpoint(), authentication, request)
                .toHTTPRequest().send();
    }

    /** Pushes a well-behaved request and returns the URL to send the resident's browser to. */
    public URI authorizationUrl(CodeVerifier verifier, List<String> items) throws Exception {
        return authorizationUrl(authorizationRequest(verifier, items));
    }

    /** As {@link #authorizationUrl(CodeVerifier, List)}, for another of the bank's registered purposes. */
    public URI authorizationUrlFor(String purpose, CodeVerifier verifier, List<String> items) throws Exception {
        return authorizationUrl(authorizationRequest(verifier, items).customParameter("purpose", purpose));
    }

    /** As {@link #authorizationUrl(CodeVerifier, List)}, asking SmartID to speak the resident's language. */
    public URI authorizationUrl(CodeVerifier verifier, List<String> items, String uiLocales) throws Exception {
        return authorizationUrl(authorizationRequest(verifier, items).customParameter("ui_locales", uiLocales));
    }

    private URI authorizationUrl(AuthorizationRequest.Builder request) throws Exception {
        HTTPResponse answer = push(request.build(), assertion());
        if (answer.getStatusCode() != 201) {
            throw new AssertionError("PAR answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        String requestUri = (String) answer.getBodyAsJSONObject().get("request_uri");
        return new AuthorizationRequest.Builder(URI.create(requestUri), new ClientID(clientId))
                .endpointURI(authorizationEndpoint()).build().toURI();
    }

    public HTTPRequest tokenRequest(AuthorizationCode code, CodeVerifier verifier, ClientAuthentication authentication,
                                    boolean withProof) throws Exception {
        HTTPRequest request = new TokenRequest(tokenEndpoint(), authentication,
                new AuthorizationCodeGrant(code, redirectUri, verifier)).toHTTPRequest();
        if (withProof) {
            request.setDPoP(dpop.createDPoPJWT("POST", tokenEndpoint()));
        }
        return request;
    }

    /** Redeems a code the proper way; returns the ID token and the access token. */
    public OIDCTokens tokens(AuthorizationCode code, CodeVerifier verifier) throws Exception {
        HTTPResponse answer = tokenRequest(code, verifier, assertion(), true).send();
        TokenResponse response = OIDCTokenResponseParser.parse(answer);
        if (!response.indicatesSuccess()) {
            throw new AssertionError("Token endpoint answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    /** Opens an account: PAR, the resident's passkey login and approval, the code redeemed with DPoP. */
    public DPoPAccessToken openAccount(BrowserlessResident resident) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        BrowserlessResident.Page consent = resident.openAuthorization(authorizationUrl(verifier, ITEMS));
        URI callback = resident.approveConsent(consent).location();
        AuthorizationCode code = AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();
        return redeem(code, verifier);
    }

    /** Redeems a code the proper way; returns the DPoP-bound access token. */
    public DPoPAccessToken redeem(AuthorizationCode code, CodeVerifier verifier) throws Exception {
        AccessToken token = tokens(code, verifier).getAccessToken();
        if (!(token instanceof DPoPAccessToken dpopToken)) {
            throw new AssertionError("Expected a DPoP-bound token, got " + token.getType());
        }
        return dpopToken;
    }

    /** Calls the person-data API with a fresh proof for it. */
    public HttpResponse<String> personData(AccessToken token) throws Exception {
        return personData(token, dpop.createDPoPJWT("GET", personDataEndpoint(), token));
    }

    public HttpResponse<String> personData(AccessToken token, SignedJWT proof) throws Exception {
        return personData(token, proof == null ? null : proof.serialize());
    }

    /** Calls the person-data API with {@code proof} as the DPoP header, however it was made. */
    public HttpResponse<String> personData(AccessToken token, String proof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(personDataEndpoint()).GET()
                .header("Authorization", "DPoP " + token.getValue());
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public DefaultDPoPProofFactory dpop() {
        return dpop;
    }

    /**
     * A proof signed with this bank's DPoP key but carrying the private key in its {@code jwk} header, which RFC 9449
     * section 4.3 says must be refused. Signed by hand: Nimbus itself will not put a private key in a header.
     */
    public String proofCarryingItsPrivateKey(String method, URI uri, AccessToken token) throws Exception {
        JWTClaimsSet claims = (token == null ? dpop.createDPoPJWT(method, uri) : dpop.createDPoPJWT(method, uri, token))
                .getJWTClaimsSet();
        Map<String, Object> header = Map.of("typ", "dpop+jwt", "alg", "ES256", "jwk", dpopKey.toJSONObject());
        String signingInput = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "." + Base64URL.encode(claims.toString());
        return signingInput + "." + new ECDSASigner(dpopKey)
                .sign(new JWSHeader(JWSAlgorithm.ES256), signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    /** The bank's encryption key, private part included. */
    public RSAKey encryptionKey() {
        return encryptionKey;
    }

    /** Decrypts a person-data answer with this bank's key and returns the IdP-signed JWT inside. */
    public SignedJWT decrypt(String jose) throws Exception {
        EncryptedJWT jwe = EncryptedJWT.parse(jose);
        if (!JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
            throw new AssertionError("Unexpected JWE header " + jwe.getHeader());
        }
        jwe.decrypt(new RSADecrypter(encryptionKey));
        return jwe.getPayload().toSignedJWT();
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    private static String concat(String first, List<String> rest) {
        return String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList());
    }

    static Map<String, Object> json(String body) throws Exception {
        return com.nimbusds.jose.util.JSONObjectUtils.parse(body);
    }
}
