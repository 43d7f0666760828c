package hk.smartid.idp.persondata;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.access.DPoPCaller;
import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.bank.BankClient;
import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.consent.Consent;
import hk.smartid.idp.consent.ConsentLedger;
import hk.smartid.idp.consent.ResidentConsentsResource;
import hk.smartid.idp.disclosure.Disclosure;
import hk.smartid.idp.disclosure.DisclosureChain.ChainVerification;
import hk.smartid.idp.disclosure.DisclosureLog;
import hk.smartid.idp.persondata.PersonDataResponse.PersonData;
import hk.smartid.idp.persondata.PersonDataResponse.Verification;
import hk.smartid.idp.realm.Language;
import hk.smartid.idp.realm.RealmRole;
import hk.smartid.idp.realm.ResidentAttribute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwe.JWEConstants;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.keys.PublicKeyStorageProvider;
import org.keycloak.keys.PublicKeyStorageUtils;
import org.keycloak.keys.loader.ClientPublicKeyLoader;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.util.UserSessionUtil;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Banking Made Easy at the IdP, {@code /realms/smartid/data-sharing} (docs/banking-made-easy.md): the person-data
 * API banks call with a DPoP-bound token, the resident's own consents and disclosures, and the auditors' check
 * of the disclosure log.
 */
public class DataSharingResource {

    public static final String APPLICATION_JOSE = "application/jose";

    private static final Logger LOG = Logger.getLogger(DataSharingResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;

    DataSharingResource(KeycloakSession session, Clock clock) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.clock = clock;
    }

    /**
     * The consented data of the resident behind a bank's access token. The token is checked as Keycloak's own
     * UserInfo endpoint checks it, and further: only {@code Authorization: DPoP} with a proof for this URL and
     * method, bound to the token's {@code cnf.jkt}, from a bank client, while the resident's consent is in force.
     * The disclosure is logged in the same transaction as the answer.
     */
    @GET
    @Path("person")
    @Produces(APPLICATION_JOSE)
    public Response person() {
        try {
            return personOf(DPoPCaller.of(session));
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    private Response personOf(DPoPCaller caller) throws ApiError {
        Instant now = clock.instant();
        AccessToken token = caller.token();
        ClientModel client = caller.client();
        Optional<BankClient> bank = BankClient.of(client);
        if (bank.isEmpty()) {
            throw ApiError.challenge(Response.Status.FORBIDDEN, DPoPCaller.SCHEME, "insufficient_scope",
                    "only banks may fetch person data");
        }

        UserSessionUtil.UserSessionValidationResult sessionCheck =
                UserSessionUtil.findValidSessionForAccessToken(session, realm, token, client, invalid -> { });
        if (sessionCheck.getError() != null) {
            throw ApiError.invalidToken(DPoPCaller.SCHEME, "session ended");
        }
        UserSessionModel userSession = sessionCheck.getUserSession();
        UserModel user = userSession.getUser();
        if (user == null || !user.isEnabled()) {
            throw ApiError.invalidToken(DPoPCaller.SCHEME, "user disabled");
        }

        Optional<Consent> consent = new ConsentLedger(session).activeConsent(realm, user, client.getClientId(), now);
        if (consent.isEmpty()) {
            throw ApiError.invalidToken(DPoPCaller.SCHEME, "consent revoked or expired");
        }

        Optional<KeyWrapper> bankKey = encryptionKeyOf(client);
        KeyWrapper realmKey = session.keys().getActiveKey(realm, KeyUse.SIG, "ES256");
        if (bankKey.isEmpty() || realmKey == null) {
            LOG.warnf("Person data for bank %s cannot be sealed: %s", client.getClientId(),
                    bankKey.isEmpty() ? "no RSA encryption key in its JWKS" : "the realm has no active ES256 key");
            throw ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "server_error", "The answer cannot be sealed for this bank");
        }

        Map<DataItem, Object> values = new LinkedHashMap<>();
        PersonDataResponse.releasable(consent.get().items(), token.getScope())
                .forEach(item -> item.valueOf(user).ifPresent(value -> values.put(item, value)));
        AssuranceLevel level = AssuranceLevel.of(user);
        String disclosureId = UUID.randomUUID().toString();
        PersonData data = new PersonData(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()),
                client.getClientId(), token.getSubject(), disclosureId, consent.get().purpose(), level.acr(),
                level == AssuranceLevel.VERIFIED,
                new Verification(user.getFirstAttribute(ResidentAttribute.VERIFIED_BY),
                        user.getFirstAttribute(ResidentAttribute.VERIFIED_BRANCH), user.getFirstAttribute(ResidentAttribute.VERIFIED_AT)),
                values);
        String jwe = PersonDataResponse.seal(data, now, (ECPrivateKey) realmKey.getPrivateKey(), realmKey.getKid(),
                (RSAPublicKey) bankKey.get().getPublicKey(), bankKey.get().getKid());

        // Committed in a transaction of its own before the answer leaves: the chain's head stays locked only
        // for the append, not for the rest of this request. Should the answer then fail, the log errs on the
        // resident's side (it names a disclosure the bank may not have received).
        String realmId = realm.getId();
        String userId = user.getId();
        String clientId = client.getClientId();
        String consentId = consent.get().id();
        List<DataItem> released = List.copyOf(values.keySet());
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), logSession -> {
            RealmModel logRealm = logSession.realms().getRealm(realmId);
            logSession.getContext().setRealm(logRealm);
            new DisclosureLog(logSession).append(logRealm, logSession.users().getUserById(logRealm, userId),
                    disclosureId, clientId, consentId, released, now);
        });
        return Response.ok(jwe, APPLICATION_JOSE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The calling resident's disclosures, newest first. */
    @GET
    @Path("disclosures")
    @Produces(MediaType.APPLICATION_JSON)
    public Response disclosures() {
        UserModel user;
        try {
            user = BearerCaller.withRealmRole(session, RealmRole.RESIDENT).user();
        } catch (ApiError refusal) {
            return refusal.response();
        }
        List<Disclosure> disclosures = new DisclosureLog(session).disclosuresOf(realm, user);
        Map<String, String> purposeOfConsent = disclosures.isEmpty() ? Map.of()
                : new ConsentLedger(session).consentsOf(realm, user).stream()
                        .collect(Collectors.toMap(Consent::id, Consent::purpose));
        Map<String, Map<String, String>> bankNames = disclosures.stream().map(Disclosure::clientId).distinct()
                .collect(Collectors.toMap(Function.identity(), this::bankNames));
        return Response.ok(disclosures.stream()
                        .map(d -> new DisclosureLine(d.id(), d.at().toString(), d.clientId(), bankNames.get(d.clientId()),
                                purposeOfConsent.get(d.consentId()), d.scopes()))
                        .toList())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Whether the disclosure log's hash chain is intact, for auditors. */
    @GET
    @Path("disclosure-log/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verification() {
        try {
            BearerCaller.withRealmRole(session, RealmRole.AUDITOR);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        ChainVerification result = new DisclosureLog(session).verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", result.intact());
        answer.put("entries", result.entries());
        if (result.firstBroken() != null) {
            Map<String, Object> broken = new LinkedHashMap<>();
            broken.put("seq", result.firstBroken().seq());
            broken.put("id", result.firstBroken().id());
            broken.put("reason", result.firstBroken().reason());
            answer.put("firstBroken", broken);
        }
        return Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @Path("consents")
    public Object consents() {
        return new ResidentConsentsResource(session);
    }

    /**
     * The bank's RSA encryption key from its registered JWKS, through Keycloak's cache of client keys (the one ID
     * token encryption uses). A key that names no {@code alg} is taken too, as long as it is RSA for encryption.
     */
    private Optional<KeyWrapper> encryptionKeyOf(ClientModel client) {
        PublicKeyStorageProvider keys = session.getProvider(PublicKeyStorageProvider.class);
        String cacheKey = PublicKeyStorageUtils.getClientModelCacheKey(realm.getId(), client.getId(), JWK.Use.ENCRYPTION);
        return Optional.ofNullable(keys.getFirstPublicKey(cacheKey,
                key -> KeyType.RSA.equals(key.getType()) && key.getPublicKey() instanceof RSAPublicKey
                        && (key.getAlgorithm() == null || JWEConstants.RSA_OAEP_256.equals(key.getAlgorithm())),
                new ClientPublicKeyLoader(session, client, JWK.Use.ENCRYPTION)));
    }

    private Map<String, String> bankNames(String clientId) {
        return BankClient.of(realm.getClientByClientId(clientId)).map(BankClient::names)
                // The bank's client may have been deleted since: the log still names it.
                .orElseGet(() -> Language.TAGS.stream().collect(Collectors.toMap(Function.identity(), tag -> clientId)));
    }

    /** One disclosure as the resident reads it. */
    record DisclosureLine(String id, String at, String clientId, Map<String, String> bankName, String purpose,
                          List<String> items) {
    }
}
