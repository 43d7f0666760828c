package hk.smartid.bank.smartid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import hk.smartid.bank.BankSettings;
import hk.smartid.bank.keys.BankKeys;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Everything the bank says to SmartID, in the order it happens (docs/banking-made-easy.md):
 * <ol>
 *   <li>{@link #begin}: push the authorization request (PAR) with the bank's client assertion, then send the
 *       person's browser to SmartID with only the returned {@code request_uri};</li>
 *   <li>{@link #finish}: check the answer at the callback, swap the code for DPoP-bound tokens, validate the
 *       ID token (signature, issuer, audience, nonce, {@code acr});</li>
 *   <li>{@link #fetchPerson}: call the person-data API with the token and a fresh DPoP proof.</li>
 * </ol>
 */
public final class SmartIdClient {

    /** Only identities checked in person at a counter may open an account. */
    public static final ACR VERIFIED = new ACR("loa-verified");

    private static final System.Logger LOG = System.getLogger(SmartIdClient.class.getName());
    /** The header SmartID sends the receipt of the answer's log entry in. */
    static final String RECEIPT_HEADER = "SmartID-Disclosure-Receipt";

    private final BankSettings settings;
    private final BankKeys keys;
    private final DisclosureReceipts receipts;
    private final AccountOpeningPurpose purpose;
    private final ClientID clientId;
    private final DPoPProofFactory dpop;
    private volatile Discovered discovered;

    /** SmartID's endpoints and keys, learnt once from its discovery document. */
    private record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> realmKeys,
                              IDTokenValidator idTokens, PersonDataReader personData) {
    }

    /** What the bank must remember between {@link #begin} and {@link #finish} (in the person's session). */
    public record PendingLogin(State state, Nonce nonce, CodeVerifier codeVerifier) {
    }

    /** The outcome of a login: the token for the person-data API and whom it is about. */
    public record SignedIn(DPoPAccessToken accessToken, String subject) {
    }

    public SmartIdClient(BankSettings settings, BankKeys keys, AccountOpeningPurpose purpose) {
        this.settings = settings;
        this.keys = keys;
        this.receipts = new DisclosureReceipts(settings.keyDirectory());
        this.purpose = purpose;
        this.clientId = new ClientID(settings.clientId());
        try {
            this.dpop = new DefaultDPoPProofFactory(keys.dpop(), JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException("The DPoP key cannot sign", e);
        }
    }

    /** Pushes the authorization request; the answer is where to send the browser. */
    public URI begin(PendingLogin pending, String language) throws SmartIdFailure {
        Discovered idp = discovered();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, purpose.scope(),
                clientId, settings.callback())
                .state(pending.state())
                .nonce(pending.nonce())
                .codeChallenge(pending.codeVerifier(), CodeChallengeMethod.S256)
                .acrValues(List.of(VERIFIED))
                .uiLocales(languageTag(language))
                // SmartID shows the person the statement registered for this purpose and checks the scopes against it.
                .customParameter("purpose", purpose.id())
                .build();
        URI parEndpoint = idp.metadata().getPushedAuthorizationRequestEndpointURI();
        HTTPResponse answer = send(new PushedAuthorizationRequest(parEndpoint, clientAssertion(), request).toHTTPRequest());
        PushedAuthorizationResponse pushed;
        try {
            pushed = PushedAuthorizationResponse.parse(answer);
        } catch (ParseException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, "Unreadable PAR answer " + answer.getStatusCode(), e);
        }
        if (!pushed.indicatesSuccess()) {
            throw failure("PAR", pushed.toErrorResponse().getErrorObject());
        }
        // The browser carries only the reference: the request itself never passes through it to be altered.
        return new AuthorizationRequest.Builder(pushed.toSuccessResponse().getRequestURI(), clientId)
                .endpointURI(idp.metadata().getAuthorizationEndpointURI())
                .build()
                .toURI();
    }

    /** Checks SmartID's answer at the callback and exchanges the code for tokens. */
    public SignedIn finish(URI callback, PendingLogin pending) throws SmartIdFailure {
        Discovered idp = discovered();
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callback);
        } catch (ParseException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Unreadable callback", e);
        }
        // The state ties the answer to the browser that asked: a forged or replayed callback fails here.
        if (pending == null || !pending.state().equals(response.getState())) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Callback state does not match the login begun");
        }
        // RFC 9207: an answer that names another issuer was not SmartID's (mix-up attack).
        if (response.getIssuer() != null && !response.getIssuer().equals(idp.metadata().getIssuer())) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Callback from issuer " + response.getIssuer());
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            if (OAuth2Error.ACCESS_DENIED.getCode().equals(error.getCode())) {
                throw new SmartIdFailure(SmartIdFailure.Kind.DECLINED, "The person declined");
            }
            throw failure("authorization", error);
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        URI tokenEndpoint = idp.metadata().getTokenEndpointURI();
        HTTPRequest tokenRequest = new TokenRequest(tokenEndpoint, clientAssertion(),
                new AuthorizationCodeGrant(code, settings.callback(), pending.codeVerifier())).toHTTPRequest();
        // The proof binds the tokens to the bank's DPoP key.
        tokenRequest.setDPoP(proof("POST", tokenEndpoint, null));
        TokenResponse tokenResponse;
        try {
            tokenResponse = OIDCTokenResponseParser.parse(send(tokenRequest));
        } catch (ParseException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, "Unreadable token answer", e);
        }
        if (!tokenResponse.indicatesSuccess()) {
            throw failure("token", tokenResponse.toErrorResponse().getErrorObject());
        }
        OIDCTokens tokens = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens();
        if (!(tokens.getAccessToken() instanceof DPoPAccessToken accessToken)) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "The access token is not DPoP-bound");
        }
        IDTokenClaimsSet idToken;
        try {
            // Signature by SmartID, iss, aud = this bank, exp, and the nonce of this login (no replayed ID token).
            idToken = idp.idTokens().validate(tokens.getIDToken(), pending.nonce());
        } catch (BadJOSEException | JOSEException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "ID token rejected: " + e.getMessage(), e);
        }
        if (!VERIFIED.equals(idToken.getACR())) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "ID token acr is " + idToken.getACR());
        }
        return new SignedIn(accessToken, idToken.getSubject().getValue());
    }

    /** Calls the person-data API; SmartID answers only while the consent stands and the session lasts. */
    public ReleasedPerson fetchPerson(SignedIn signedIn) throws SmartIdFailure {
        Discovered idp = discovered();
        URI api = settings.personDataApi();
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, api);
        request.setAuthorization(signedIn.accessToken().toAuthorizationHeader());
        request.setDPoP(proof("GET", api, signedIn.accessToken()));
        HTTPResponse response = send(request);
        if (response.getStatusCode() == 401 || response.getStatusCode() == 403) {
            throw new SmartIdFailure(SmartIdFailure.Kind.REFUSED, "Person data refused (" + response.getStatusCode()
                    + "): " + response.getHeaderValue("WWW-Authenticate"));
        }
        if (response.getStatusCode() != 200) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, "Person data answered " + response.getStatusCode());
        }
        ReleasedPerson person = idp.personData().read(response.getBody(), signedIn.subject());
        receipts.keep(person.disclosureId(),
                idp.personData().checkReceipt(response.getHeaderValue(RECEIPT_HEADER), person.disclosureId()));
        LOG.log(System.Logger.Level.INFO, "Disclosure {0} received, its receipt kept", person.disclosureId());
        return person;
    }

    /** A fresh client assertion per request: PS256 (FAPI 2.0 allows no RS256), signed by the bank's key, {@code aud} = SmartID's issuer. */
    private ClientAuthentication clientAssertion() throws SmartIdFailure {
        try {
            return new PrivateKeyJWT(clientId, settings.issuer(), JWSAlgorithm.PS256, keys.signing().toRSAPrivateKey(),
                    keys.signing().getKeyID(), null);
        } catch (JOSEException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, "Cannot sign the client assertion", e);
        }
    }

    private SignedJWT proof(String method, URI uri, DPoPAccessToken token) throws SmartIdFailure {
        try {
            return token == null ? dpop.createDPoPJWT(method, uri) : dpop.createDPoPJWT(method, uri, token);
        } catch (JOSEException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, "Cannot sign a DPoP proof", e);
        }
    }

    /** Learnt on first use rather than at start, so the bank may start before SmartID answers. */
    private Discovered discovered() throws SmartIdFailure {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        try {
            Issuer issuer = new Issuer(settings.issuer());
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer);
            // More than Nimbus's default half second to fetch SmartID's keys: a busy IdP is slow, not absent.
            JWKSource<SecurityContext> realmKeys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(10_000, 10_000, 512 * 1024))
                    .retrying(true).build();
            known = new Discovered(metadata, realmKeys,
                    new IDTokenValidator(issuer, clientId, new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys), null),
                    new PersonDataReader(keys.encryption(), realmKeys, issuer.getValue(), clientId.getValue()));
            discovered = known;
            return known;
        } catch (GeneralException | IOException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, "SmartID discovery failed: " + e.getMessage(), e);
        }
    }

    private static HTTPResponse send(HTTPRequest request) throws SmartIdFailure {
        try {
            return request.send();
        } catch (IOException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, request.getURI() + " unreachable: " + e.getMessage(), e);
        }
    }

    private static SmartIdFailure failure(String step, ErrorObject error) {
        return new SmartIdFailure(SmartIdFailure.Kind.UNAVAILABLE, step + " refused: " + error.getCode() + " "
                + error.getDescription());
    }

    private static List<LangTag> languageTag(String language) {
        try {
            return List.of(LangTag.parse(language));
        } catch (LangTagException e) {
            return null;
        }
    }
}
