package hk.smartid.idp.persondata;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.access.DPoPCaller;
import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.bank.BankClient;
import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.consent.Consent;
import hk.smartid.idp.consent.ConsentClaimMapper;
import hk.smartid.idp.consent.ConsentLedger;
import hk.smartid.idp.consent.ResidentConsentsResource;
import hk.smartid.idp.disclosure.Disclosure;
import hk.smartid.idp.disclosure.DisclosureLog;
import hk.smartid.idp.disclosure.DisclosureWriter;
import hk.smartid.idp.disclosure.DisclosureLog.LogVerification;
import hk.smartid.idp.disclosure.LogKeys;
import hk.smartid.idp.persondata.PersonDataResponse.PersonData;
import hk.smartid.idp.persondata.PersonDataResponse.Verification;
import hk.smartid.idp.realm.Language;
import hk.smartid.idp.realm.RealmRole;
import hk.smartid.idp.realm.ResidentAttribute;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
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
    /** The header carrying the signed receipt of a person-data answer's log entry. */
    public static final String RECEIPT_HEADER = "SmartID-Disclosure-Receipt";

    private static final Logger LOG = Logger.getLogger(DataSharingResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;
    private final DisclosureWriter writer;

    DataSharingResource(KeycloakSession session, Clock clock, DisclosureWriter writer) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.clock = clock;
        this.writer = writer;
    }

    /**
     * The consented data of the resident behind a bank's access token. The token is checked as Keycloak's own
     * UserInfo endpoint checks it, and further: only {@code Authorization: DPoP} with a proof for this URL and
     * method, bound to the token's {@code cnf.jkt}, from a bank client, while the resident's consent is in force.
     * The disclosure is logged, and committed, before the answer leaves with its signed receipt.
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

        // The consent given in the token's own login: a bank with several purposes holds a token for each.
        if (!(token.getOtherClaims().get(ConsentClaimMapper.CLAIM) instanceof String consentId)) {
            throw ApiError.invalidToken(DPoPCaller.SCHEME, "the token names no consent");
        }
        Optional<Consent> consent = new ConsentLedger(session).consentInForce(realm, user, client.getClientId(), consentId, now);
        if (consent.isEmpty()) {
            throw ApiError.invalidToken(DPoPCaller.SCHEME, "consent revoked or expired");
        }

        Optional<KeyWrapper> bankKey = encryptionKeyOf(client);
        KeyWrapper realmKey = session.keys().getActiveKey(realm, KeyUse.SIG, "ES256");
        Optional<LogKeys> logKeys = LogKeys.of(session);
        if (bankKey.isEmpty() || realmKey == null || logKeys.isEmpty()) {
            LOG.warnf("Person data for bank %s cannot be sealed: %s", client.getClientId(),
                    bankKey.isEmpty() ? "no RSA encryption key in its JWKS"
                            : realmKey == null ? "the realm has no active ES256 key" : "the disclosure log has no ES256 key");
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

        // Committed before the answer leaves, so a 200 means the entry is durable (the receipt says so). The writer
        // commits the entries of concurrent answers together and takes no lock: disclosures do not wait for each
        // other's commits. Should the answer then fail, the log errs on the resident's side (it names a disclosure
        // the bank may not have received).
        Disclosure entry;
        try {
            entry = writer.append(DisclosureLog.entry(realm.getId(), user.getId(), disclosureId, client.getClientId(),
                    consent.get().id(), List.copyOf(values.keySet()), now));
        } catch (IllegalStateException notLogged) {
            LOG.errorf(notLogged, "Person data for bank %s withheld: its disclosure was not logged", client.getClientId());
            throw ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "server_error",
                    "The disclosure could not be logged, so nothing was released");
        }
        return Response.ok(jwe, APPLICATION_JOSE).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(RECEIPT_HEADER, DisclosureLog.receiptOf(entry, logKeys.get())).build();
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
        DisclosureLog log = new DisclosureLog(session);
        List<Disclosure> disclosures = log.disclosuresOf(realm, user);
        Map<String, String> purposeOfConsent = disclosures.isEmpty() ? Map.of()
                : new ConsentLedger(session).consentsOf(realm, user).stream()
                        .collect(Collectors.toMap(Consent::id, Consent::purpose));
        Map<String, Map<String, String>> bankNames = disclosures.stream().map(Disclosure::clientId).distinct()
                .collect(Collectors.toMap(Function.identity(), this::bankNames));
        Map<String, Long> leaves = log.leafIndexes(disclosures.stream().map(Disclosure::id).toList());
        Optional<DisclosureLog.StoredHead> head = disclosures.isEmpty() ? Optional.empty() : log.latestHead();
        return Response.ok(disclosures.stream()
                        .map(d -> new DisclosureLine(d.id(), d.at().toString(), d.clientId(), bankNames.get(d.clientId()),
                                purposeOfConsent.get(d.consentId()), d.scopes(),
                                new LoggedEntry(d.realmId(), d.userId(), d.consentId(), d.items(), d.disclosedAt()),
                                inclusion(log, leaves.get(d.id()), head)))
                        .toList())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The entry's inclusion proof in the latest signed head; {@code null} while it is pending. */
    private static Inclusion inclusion(DisclosureLog log, Long leafIndex, Optional<DisclosureLog.StoredHead> head) {
        if (leafIndex == null || head.isEmpty() || leafIndex >= head.get().treeSize()) {
            return null;
        }
        return new Inclusion(leafIndex, head.get().treeSize(), log.inclusionProof(leafIndex, head.get().treeSize()),
                head.get().signedHead());
    }

    /** Whether the disclosure log is intact (old chain, Merkle tree, signed heads, pending entries), for auditors. */
    @GET
    @Path("disclosure-log/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verification() {
        return verification(List.of());
    }

    /**
     * The same check with receipts presented ({@code {"receipts": ["<JWS>", ...]}}, as banks received them): a receipt
     * whose entry the log no longer has (a rollback that lost commits, a removed row) breaks it.
     */
    @POST
    @Path("disclosure-log/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verification(ReceiptsPresented presented) {
        return verification(presented == null || presented.receipts() == null ? List.of()
                : presented.receipts().stream().map(receipt -> receipt == null ? "" : receipt).toList());
    }

    private Response verification(List<String> receipts) {
        try {
            BearerCaller.withRealmRole(session, RealmRole.AUDITOR);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        Optional<LogKeys> keys = LogKeys.of(session);
        if (keys.isEmpty()) {
            return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "server_error", "The disclosure log has no key").response();
        }
        LogVerification result = new DisclosureLog(session).verify(keys.get(), receipts, clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", result.intact());
        answer.put("entries", result.entries());
        if (result.firstBroken() != null) {
            Map<String, Object> broken = new LinkedHashMap<>();
            if (result.firstBroken().seq() != null) {
                broken.put("seq", result.firstBroken().seq());
            }
            if (result.firstBroken().leafIndex() != null) {
                broken.put("leafIndex", result.firstBroken().leafIndex());
            }
            broken.put("id", result.firstBroken().id());
            broken.put("reason", result.firstBroken().reason());
            answer.put("firstBroken", broken);
        }
        answer.put("treeSize", result.treeSize());
        answer.put("rootHash", result.rootHash());
        answer.put("treeHeads", result.heads());
        answer.put("pending", result.pending());
        answer.put("receipts", result.receipts());
        answer.put("invalidReceipts", result.invalidReceipts());
        return Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The latest signed tree head, for auditors and banks' monitors. */
    @GET
    @Path("disclosure-log/tree-head")
    @Produces(MediaType.APPLICATION_JSON)
    public Response treeHead() {
        try {
            BearerCaller.withRealmRole(session, RealmRole.AUDITOR);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        Optional<DisclosureLog.StoredHead> head = new DisclosureLog(session).latestHead();
        if (head.isEmpty()) {
            return ApiError.of(Response.Status.NOT_FOUND, "not_found", "No tree head signed yet").response();
        }
        return Response.ok(Map.of("treeSize", head.get().treeSize(), "rootHash", head.get().rootHash(),
                "treeHead", head.get().signedHead())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * RFC 9162 consistency proof between two signed heads ({@code first} and {@code second} tree sizes), with both
     * heads, so that an auditor holding the older one checks that the newer extends it.
     */
    @GET
    @Path("disclosure-log/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    public Response consistency(@QueryParam("first") long first, @QueryParam("second") long second) {
        try {
            BearerCaller.withRealmRole(session, RealmRole.AUDITOR);
        } catch (ApiError refusal) {
            return refusal.response();
        }
        DisclosureLog log = new DisclosureLog(session);
        Optional<DisclosureLog.StoredHead> older = log.head(first);
        Optional<DisclosureLog.StoredHead> newer = log.head(second);
        if (first <= 0 || first > second || older.isEmpty() || newer.isEmpty()) {
            return ApiError.of(Response.Status.BAD_REQUEST, "invalid_request",
                    "first and second must be sizes of signed tree heads, first not larger than second").response();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("first", older.get().signedHead());
        answer.put("second", newer.get().signedHead());
        answer.put("consistencyProof", log.consistencyProof(first, second));
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

    /**
     * One disclosure as the resident reads it, with the log entry's fields (from which the portal recomputes the leaf
     * hash) and its inclusion proof ({@code null} while pending).
     */
    record DisclosureLine(String id, String at, String clientId, Map<String, String> bankName, String purpose,
                          List<String> items, LoggedEntry entry, Inclusion inclusion) {
    }

    /** The entry's fields the leaf hash covers besides id and client id ({@code items} as stored, {@code disclosedAt} in epoch ms). */
    record LoggedEntry(String realmId, String userId, String consentId, String items, long disclosedAt) {
    }

    /** RFC 9162 inclusion proof (hex hashes) of the leaf in the signed tree head {@code treeHead} (a JWS). */
    record Inclusion(long leafIndex, long treeSize, List<String> inclusionProof, String treeHead) {
    }

    /** Receipts an auditor presents to the check. */
    public record ReceiptsPresented(List<String> receipts) {
    }
}
