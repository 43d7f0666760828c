package hk.smartid.banking;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.idp.consent.ConsentClaimMapper;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Banking Made Easy against the real IdP, with the Nimbus SDK as the bank: the flow a bank must follow,
 * and each way of breaking it refused. The resident answers with a WebAuthn4J-written passkey.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankRefusalsIT {

    private static final String BIRTH = "1975-06-30";

    private final Platform platform;
    private final TestBank bank;
    private final TestBank otherBank;
    private final BrowserlessResident resident;
    private final String hkid = StaffConsoleClient.randomHkid();

    BankRefusalsIT(Platform platform) throws Exception {
        this.platform = platform;
        this.bank = TestBank.register(platform);
        this.otherBank = TestBank.register(platform);
        this.resident = new BrowserlessResident(platform);
        resident.activate(platform, hkid, BIRTH, StaffConsoleClient.forCounterStaff(platform, "Mong Kok").enrol(hkid, BIRTH));
    }

    /** The resident approves at the IdP; returns the code the bank's callback receives. */
    private AuthorizationCode approvedCode(TestBank asking, CodeVerifier verifier, List<String> items) throws Exception {
        return approvedCode(asking, asking.authorizationUrl(verifier, items));
    }

    private AuthorizationCode approvedCode(TestBank asking, URI authorizationUrl) throws Exception {
        BrowserlessResident.Page consent = resident.openAuthorization(authorizationUrl);
        URI callback = resident.approveConsent(consent).location();
        assertThat(callback.toString()).startsWith(asking.redirectUri().toString());
        return AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();
    }

    private DPoPAccessToken approvedToken(TestBank asking, List<String> items) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        return asking.redeem(approvedCode(asking, verifier, items), verifier);
    }

    @Test
    void shouldReleaseExactlyTheConsentedItemsSignedByTheIdpAndEncryptedToTheBank() throws Exception {
        DPoPAccessToken token = approvedToken(bank, List.of("person.name_en", "person.hkid"));

        HttpResponse<String> answer = bank.personData(token);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jose");
        SignedJWT signed = bank.decrypt(answer.body());
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        ECKey idpKey = (ECKey) JWKSet.load(URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/certs").toURL())
                .getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(signed.verify(new ECDSAVerifier(idpKey))).isTrue();
        JWTClaimsSet claims = signed.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(platform.settings().realmUrl().toString());
        assertThat(claims.getAudience()).containsExactly(bank.clientId());
        assertThat(claims.getExpirationTime()).isAfter(new Date());
        assertThat(claims.getStringClaim("assurance_level")).isEqualTo("loa-verified");
        Map<String, Object> person = claims.getJSONObjectClaim("person");
        assertThat(person).containsOnlyKeys("name_en", "hkid_number");
        assertThat((Map<String, Object>) person.get("hkid_number")).containsEntry("verified", true);
        assertThat(((Map<?, ?>) person.get("hkid_number")).get("value").toString().replaceAll("[()]", ""))
                .isEqualTo(hkid.replaceAll("[()]", ""));
    }

    @Test
    void shouldAnswerEachTokenUnderTheConsentGivenInItsOwnLogin() throws Exception {
        TestBank twoPurposes = TestBank.registerWithTwoPurposes(platform);
        CodeVerifier first = new CodeVerifier();
        DPoPAccessToken forAccount = twoPurposes.redeem(approvedCode(twoPurposes,
                twoPurposes.authorizationUrl(first, List.of("person.name_en", "person.hkid"))), first);
        // The second login is answered from the resident's IdP session, and replaces the bank's client-session note.
        CodeVerifier second = new CodeVerifier();
        DPoPAccessToken forCard = twoPurposes.redeem(approvedCode(twoPurposes, twoPurposes.authorizationUrlFor(
                TestBank.SECOND_PURPOSE, second, TestBank.SECOND_ITEMS)), second);

        JWTClaimsSet account = twoPurposes.decrypt(twoPurposes.personData(forAccount).body()).getJWTClaimsSet();
        JWTClaimsSet card = twoPurposes.decrypt(twoPurposes.personData(forCard).body()).getJWTClaimsSet();

        assertThat(account.getStringClaim("purpose")).isEqualTo(TestBank.PURPOSE);
        assertThat(account.getJSONObjectClaim("person")).containsOnlyKeys("name_en", "hkid_number");
        assertThat(card.getStringClaim("purpose")).isEqualTo(TestBank.SECOND_PURPOSE);
        assertThat(card.getJSONObjectClaim("person")).containsOnlyKeys("name_en", "birthdate");
    }

    @Test
    void shouldGiveEachBankItsOwnSubjectForTheSameResident() throws Exception {
        String subAtBank = bank.decrypt(bank.personData(approvedToken(bank, List.of("person.name_en"))).body())
                .getJWTClaimsSet().getSubject();
        String subAtOther = otherBank.decrypt(otherBank.personData(approvedToken(otherBank, List.of("person.name_en"))).body())
                .getJWTClaimsSet().getSubject();

        assertThat(subAtBank).isNotBlank().isNotEqualTo(subAtOther);
    }

    @Nested
    class AtTheAuthorizationRequest {

        @Test
        void shouldRefuseARequestThatWasNotPushed() throws Exception {
            AuthorizationRequest direct = bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid")).build();

            BrowserlessResident.Page page = resident.get(direct.toURI());

            assertThat(page.body()).doesNotContain("id=\"webauth\"");
            assertThat(page.status() == 400 || page.location().getQuery().contains("error=invalid_request")).isTrue();
        }

        @Test
        void shouldRefuseARequestWithoutPkce() throws Exception {
            AuthorizationRequest noPkce = new AuthorizationRequest.Builder(bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid")).build())
                    .codeChallenge((com.nimbusds.oauth2.sdk.pkce.CodeChallenge) null, null).build();

            HTTPResponse answer = bank.push(noPkce, bank.assertion());

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getBody()).contains("invalid_request");
        }

        @Test
        void shouldRefuseAnItemTheRegisteredPurposeDoesNotAllow() throws Exception {
            HTTPResponse answer = bank.push(bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid", "person.gender")).build(),
                    bank.assertion());

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getBody()).contains("person.gender");
        }

        @Test
        void shouldRefuseARequestWithoutPurposeOrWithoutVerifiedAssurance() throws Exception {
            AuthorizationRequest.Builder request = bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid"));
            assertThat(bank.push(request.customParameter("purpose").build(), bank.assertion()).getStatusCode()).isEqualTo(400);
            request = bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid"));
            assertThat(bank.push(request.customParameter("acr_values", "loa-basic").build(), bank.assertion()).getBody())
                    .contains("loa-verified");
        }

        @Test
        void shouldRefuseClientAssertionsWithWrongAudienceExpiredOrSignedByAnUnknownKey() throws Exception {
            AuthorizationRequest request = bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid")).build();
            Date inAMinute = new Date(System.currentTimeMillis() + 60_000);
            RSAKey stranger = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(bank.signingKey().getKeyID()).generate();

            assertThat(bank.push(request, bank.assertion("https://elsewhere.example", inAMinute, bank.signingKey())).getStatusCode())
                    .isEqualTo(401);
            assertThat(bank.push(request, bank.assertion(bank.issuer().toString(), new Date(System.currentTimeMillis() - 60_000),
                    bank.signingKey())).getStatusCode()).isEqualTo(401);
            assertThat(bank.push(request, bank.assertion(bank.issuer().toString(), inAMinute, stranger)).getStatusCode())
                    .isEqualTo(401);
        }
    }

    @Nested
    class WhereverABankAuthenticates {

        /** PAR, token, revocation and introspection, each with a fresh assertion signed with {@code algorithm}. */
        private Map<String, HTTPResponse> authenticateEverywhere(JWSAlgorithm algorithm) throws Exception {
            BearerAccessToken anyToken = new BearerAccessToken();
            Map<String, HTTPResponse> answers = new LinkedHashMap<>();
            answers.put("PAR", bank.push(bank.authorizationRequest(new CodeVerifier(), List.of("person.hkid")).build(),
                    bank.assertion(algorithm)));
            answers.put("token", bank.tokenRequest(new AuthorizationCode(), new CodeVerifier(), bank.assertion(algorithm), true)
                    .send());
            answers.put("revocation", new TokenRevocationRequest(bank.revocationEndpoint(), bank.assertion(algorithm), anyToken)
                    .toHTTPRequest().send());
            answers.put("introspection", new TokenIntrospectionRequest(bank.introspectionEndpoint(), bank.assertion(algorithm),
                    anyToken).toHTTPRequest().send());
            return answers;
        }

        /** Keycloak refuses a client it cannot authenticate with 401, or at the token endpoint with 400 {@code invalid_client}. */
        private static boolean clientRefused(HTTPResponse answer) {
            return answer.getStatusCode() == 401
                    || answer.getStatusCode() == 400 && answer.getBody().contains("\"invalid_client\"");
        }

        @Test
        void shouldRefuseAClientAssertionSignedWithRs256() throws Exception {
            authenticateEverywhere(JWSAlgorithm.RS256).forEach((endpoint, answer) ->
                    assertThat(clientRefused(answer)).as(endpoint + " answered " + answer.getStatusCode() + " "
                            + answer.getBody()).isTrue());
        }

        @Test
        void shouldAcceptTheSameAssertionSignedWithPs256() throws Exception {
            authenticateEverywhere(JWSAlgorithm.PS256).forEach((endpoint, answer) ->
                    assertThat(clientRefused(answer)).as(endpoint + " answered " + answer.getStatusCode() + " "
                            + answer.getBody()).isFalse());
        }
    }

    @Nested
    class AtTheTokenEndpoint {

        @Test
        void shouldRefuseAWrongCodeVerifier() throws Exception {
            AuthorizationCode code = approvedCode(bank, new CodeVerifier(), List.of("person.hkid"));

            HTTPResponse answer = bank.tokenRequest(code, new CodeVerifier(), bank.assertion(), true).send();

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getBody()).contains("invalid_grant");
        }

        @Test
        void shouldRefuseACodeUsedTwice() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = approvedCode(bank, verifier, List.of("person.hkid"));
            bank.redeem(code, verifier);

            HTTPResponse again = bank.tokenRequest(code, verifier, bank.assertion(), true).send();

            assertThat(again.getStatusCode()).isEqualTo(400);
            assertThat(again.getBody()).contains("invalid_grant");
        }

        @Test
        void shouldRefuseATokenRequestWithoutDpopProof() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = approvedCode(bank, verifier, List.of("person.hkid"));

            HTTPResponse answer = bank.tokenRequest(code, verifier, bank.assertion(), false).send();

            assertThat(answer.getStatusCode()).isEqualTo(400);
        }

        @Test
        void shouldRefuseAProofWhoseJwkHeaderCarriesThePrivateKey() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = approvedCode(bank, verifier, List.of("person.hkid"));
            HTTPRequest request = bank.tokenRequest(code, verifier, bank.assertion(), false);
            request.setHeader("DPoP", bank.proofCarryingItsPrivateKey("POST", bank.tokenEndpoint(), null));

            HTTPResponse answer = request.send();

            // Keycloak (since 26.7) refuses such a proof at its token endpoint for every client, banks included.
            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getBody()).contains("invalid_request", "Private key material").doesNotContain("access_token");
        }

        @Test
        void shouldRefuseACodeFromALoginThatSkippedTheConsentStep() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            BrowserlessResident newcomer = new BrowserlessResident(platform);
            URI callback = newcomer.registerFrom(bank.authorizationUrl(verifier, List.of("person.hkid")),
                    "newcomer-" + java.util.UUID.randomUUID() + "@example.hk", "Ho Ka Yan").location();
            AuthorizationCode code = AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();

            HTTPResponse answer = bank.tokenRequest(code, verifier, bank.assertion(), true).send();

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getBody()).contains("invalid_grant");
        }

        @Test
        void shouldRefuseBankACodeRedeemedWithBankBsRegistration() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = approvedCode(bank, verifier, List.of("person.hkid"));

            HTTPResponse answer = otherBank.tokenRequest(code, verifier, otherBank.assertion(), true).send();

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getBody()).contains("invalid_grant");
        }
    }

    @Nested
    class AtTheResidentsConsentApi {

        private final HttpClient http = HttpClient.newHttpClient();

        @Test
        void shouldRefuseCallersWithoutAValidTokenOrWithoutTheResidentRole() throws Exception {
            // Every account holds role resident through the realm's default roles; this caller is given only counter-staff.
            KeycloakAdmin admin = new KeycloakAdmin(platform);
            KeycloakAdmin.ServiceAccount account = admin.serviceAccount("counter-staff", "Mong Kok");
            admin.revokeRealmRole(account.userId(), "default-roles-smartid");
            String staff = account.accessToken(platform);

            for (String[] call : new String[][] {{"GET", "consents"}, {"GET", "disclosures"}, {"DELETE", "consents/any"}}) {
                assertThat(send(call[0], call[1], null).statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
                assertThat(send(call[0], call[1], staff).statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            }
        }

        @Test
        void shouldNotLetOneResidentRevokeAnothersConsent() throws Exception {
            DPoPAccessToken token = approvedToken(bank, List.of("person.hkid"));
            KeycloakAdmin admin = new KeycloakAdmin(platform);
            String consentId = (String) ((Map<?, ?>) ((Map<?, ?>) admin.array("/events?type=LOGIN&client=" + bank.clientId())
                    .get(0)).get("details")).get("consent_id");
            String someoneElse = admin.serviceAccount("resident", null).accessToken(platform);

            assertThat(send("DELETE", "consents/" + consentId, someoneElse).statusCode()).isEqualTo(404);
            assertThat(bank.personData(token).statusCode()).isEqualTo(200);
        }

        private HttpResponse<String> send(String method, String path, String bearer) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().realmUrl() + "/data-sharing/" + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Nested
    class AtThePersonDataApi {

        @Test
        void shouldRefuseATokenThatNamesNoConsent() throws Exception {
            TestBank withoutTheClaim = TestBank.register(platform);
            new KeycloakAdmin(platform).removeProtocolMapper(withoutTheClaim.clientId(), ConsentClaimMapper.NAME);
            DPoPAccessToken token = approvedToken(withoutTheClaim, List.of("person.hkid"));

            HttpResponse<String> answer = withoutTheClaim.personData(token);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
            assertThat(answer.body()).contains("the token names no consent");
        }

        @Test
        void shouldRefuseATokenWithoutItsProof() throws Exception {
            DPoPAccessToken token = approvedToken(bank, List.of("person.hkid"));

            HttpResponse<String> answer = bank.personData(token, (String) null);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }

        @Test
        void shouldRefuseAProofForAnotherUrlOrMethod() throws Exception {
            DPoPAccessToken token = approvedToken(bank, List.of("person.hkid"));
            URI userinfo = URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/userinfo");

            assertThat(bank.personData(token, bank.dpop().createDPoPJWT("GET", userinfo, token)).statusCode()).isEqualTo(401);
            assertThat(bank.personData(token, bank.dpop().createDPoPJWT("POST", bank.personDataEndpoint(), token)).statusCode())
                    .isEqualTo(401);
        }

        @Test
        void shouldRefuseAReplayedProof() throws Exception {
            DPoPAccessToken token = approvedToken(bank, List.of("person.hkid"));
            SignedJWT proof = bank.dpop().createDPoPJWT("GET", bank.personDataEndpoint(), token);

            assertThat(bank.personData(token, proof).statusCode()).isEqualTo(200);
            assertThat(bank.personData(token, proof).statusCode()).isEqualTo(401);
        }

        @Test
        void shouldRefuseAProofWhoseJwkHeaderCarriesThePrivateKey() throws Exception {
            DPoPAccessToken token = approvedToken(bank, List.of("person.hkid"));

            HttpResponse<String> answer = bank.personData(token,
                    bank.proofCarryingItsPrivateKey("GET", bank.personDataEndpoint(), token));

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_dpop_proof");
        }

        @Test
        void shouldRefuseBankATokenPresentedWithBankBsKey() throws Exception {
            DPoPAccessToken token = approvedToken(bank, List.of("person.hkid"));

            HttpResponse<String> answer = bank.personData(token,
                    otherBank.dpop().createDPoPJWT("GET", bank.personDataEndpoint(), token));

            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }
}
