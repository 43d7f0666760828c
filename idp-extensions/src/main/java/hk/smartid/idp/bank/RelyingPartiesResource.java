package hk.smartid.idp.bank;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.assurance.AssuranceLevelMapper;
import hk.smartid.idp.audit.StaffAction;
import hk.smartid.idp.audit.StaffActionOutcome;
import hk.smartid.idp.audit.StaffCall;
import hk.smartid.idp.consent.ConsentClaimMapper;
import hk.smartid.idp.realm.RealmRole;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.SHA256PairwiseSubMapper;
import org.keycloak.protocol.oidc.mappers.PairwiseSubMapperHelper;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Registers banks and businesses ({@code /realms/smartid/relying-parties}), and disables or enables them. Only a
 * caller holding realm role {@code rp-onboarding} may. A data-sharing registration gets a confidential client that
 * the {@code smartid-banks} client policy holds to the FAPI 2.0 grade profile; a login-only one a confidential client
 * that the {@code smartid-businesses} policy holds to the business profile (docs/businesses.md).
 */
public class RelyingPartiesResource {

    public static final String BANK_BROWSER_FLOW = "smartid bank browser";
    private static final Logger LOG = Logger.getLogger(RelyingPartiesResource.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    RelyingPartiesResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        try {
            StaffCall call = StaffCall.of(session, StaffAction.REGISTER_BANK, RealmRole.RP_ONBOARDING);
            BankRegistration registration;
            try {
                registration = JsonSerialization.readValue(body, BankRegistration.class);
            } catch (IOException | RuntimeException e) {
                throw call.refuse(ApiError.of(Response.Status.BAD_REQUEST, "invalid_json", "The body is not a registration"),
                        null, StaffActionOutcome.INVALID, null);
            }
            Map<String, String> problems = registration == null ? Map.of("body", "required") : registration.problems();
            if (!problems.isEmpty()) {
                throw call.refuse(ApiError.invalidFields(problems), null, StaffActionOutcome.INVALID,
                        "fields " + String.join(" ", problems.keySet()));
            }
            if (realm.getClientByClientId(registration.clientId()) != null) {
                throw call.refuse(ApiError.of(Response.Status.CONFLICT, "client_exists", "A client with this clientId exists"),
                        null, StaffActionOutcome.DUPLICATE, "client " + registration.clientId());
            }
            AuthenticationFlowModel flow = realm.getFlowByAlias(BANK_BROWSER_FLOW);
            if (flow == null) {
                throw new IllegalStateException("Realm " + realm.getName() + " lacks the flow '" + BANK_BROWSER_FLOW + "'");
            }
            registration.registeredPurposes().stream().flatMap(purpose -> purpose.items().stream()).distinct()
                    .forEach(this::ensureDataItemScope);
            ClientModel client = ClientManager.createClient(session, realm, clientOf(registration, flow));
            call.record(StaffActionOutcome.SUCCESS, null, "client " + registration.clientId());
            LOG.infof("Registered %s %s (%s) in realm %s", registration.profileOrDefault().registeredName(),
                    registration.clientId(), registration.name().get("en"), realm.getName());
            return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("clientId", client.getClientId())).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    @GET
    @Path("{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response registration(@PathParam("clientId") String clientId) {
        try {
            BearerCaller.withRealmRole(session, RealmRole.RP_ONBOARDING);
            ClientModel client = realm.getClientByClientId(clientId);
            RelyingPartyProfile profile = RelyingPartyProfile.of(client).orElseThrow(RelyingPartiesResource::notRegistered);
            return Response.ok(registrationOf(client, profile)).type(MediaType.APPLICATION_JSON).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    /**
     * Disables a bank or business: it can no longer log anyone in or authenticate, every token it holds is refused at
     * once (the client's not-before is now: Keycloak's userinfo and our APIs check it), its sessions end and its
     * offline tokens are revoked. The optional body names who asked ({@link SwitchRequest}).
     */
    @POST
    @Path("{clientId}/disable")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response disable(@PathParam("clientId") String clientId, String body) {
        return switchTo(clientId, false, body);
    }

    /** Enables a disabled bank or business again; tokens issued before the disable stay refused. */
    @POST
    @Path("{clientId}/enable")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response enable(@PathParam("clientId") String clientId, String body) {
        return switchTo(clientId, true, body);
    }

    /**
     * Who asked the onboarding caller (the portal) to disable or enable: a person's subject and the capacity they
     * acted in ({@code rp-approver}, {@code business}), written into the audit line; both or neither.
     */
    record SwitchRequest(String requestedBy, String requestedAs) {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_:.@-]{1,100}");

        boolean valid() {
            return requestedBy == null && requestedAs == null
                    || requestedBy != null && requestedAs != null && NAME.matcher(requestedBy).matches()
                    && NAME.matcher(requestedAs).matches();
        }

        String note() {
            return requestedBy == null ? "" : " for " + requestedAs + " " + requestedBy;
        }
    }

    private Response switchTo(String clientId, boolean enabled, String body) {
        try {
            StaffCall call = StaffCall.of(session, enabled ? StaffAction.ENABLE_RELYING_PARTY : StaffAction.DISABLE_RELYING_PARTY,
                    RealmRole.RP_ONBOARDING);
            SwitchRequest request;
            try {
                request = body == null || body.isBlank() ? new SwitchRequest(null, null)
                        : JsonSerialization.readValue(body, SwitchRequest.class);
            } catch (IOException | RuntimeException e) {
                request = null;
            }
            if (request == null || !request.valid()) {
                throw call.refuse(ApiError.of(Response.Status.BAD_REQUEST, "invalid_json",
                        "The body names requestedBy and requestedAs, or is empty"), null, StaffActionOutcome.INVALID,
                        "client " + clientId);
            }
            ClientModel client = realm.getClientByClientId(clientId);
            if (RelyingPartyProfile.of(client).isEmpty()) {
                throw call.refuse(notRegistered(), null, StaffActionOutcome.NOT_FOUND, "client " + clientId + request.note());
            }
            if (!enabled) {
                endAccess(client);
            }
            client.setEnabled(enabled);
            call.record(StaffActionOutcome.SUCCESS, null, "client " + clientId + request.note());
            LOG.infof("%s relying party %s in realm %s%s", enabled ? "Enabled" : "Disabled", clientId, realm.getName(),
                    request.note());
            return Response.ok(Map.of("clientId", clientId, "enabled", enabled)).type(MediaType.APPLICATION_JSON).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    /** Every token issued until now is refused, the client's sessions end (back-channel logout) and its offline tokens go. */
    private void endAccess(ClientModel client) {
        client.setNotBefore(Time.currentTime());
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, client).toList();
        sessions.forEach(userSession -> AuthenticationManager.backchannelLogoutUserSessionFromClient(session, realm,
                userSession, client, session.getContext().getUri(), session.getContext().getRequestHeaders()));
        List<UserModel> offline = session.sessions().getOfflineUserSessionsStream(realm, client, null, null)
                .map(UserSessionModel::getUser).distinct().toList();
        UserSessionManager sessionManager = new UserSessionManager(session);
        offline.forEach(user -> sessionManager.revokeOfflineToken(user, client));
    }

    private static ApiError notRegistered() {
        return ApiError.of(Response.Status.NOT_FOUND, "not_registered", "No bank or business is registered with this clientId");
    }

    private static Map<String, Object> registrationOf(ClientModel client, RelyingPartyProfile profile) {
        OIDCAdvancedConfigWrapper config = OIDCAdvancedConfigWrapper.fromClientModel(client);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("clientId", client.getClientId());
        registration.put("profile", profile.registeredName());
        registration.put("enabled", client.isEnabled());
        registration.put("name", BankClient.namesOf(client));
        registration.put("redirectUris", List.copyOf(client.getRedirectUris()));
        registration.put("postLogoutRedirectUris", config.getPostLogoutRedirectUris() == null ? List.of()
                : config.getPostLogoutRedirectUris());
        registration.put("backchannelLogoutUri", config.getBackchannelLogoutUrl());
        registration.put("jwksUri", client.getAttribute("jwks.url"));
        if (profile == RelyingPartyProfile.DATA_SHARING) {
            registration.put("purposes", client.getAttribute(BankClient.PURPOSES_ATTRIBUTE));
        }
        return registration;
    }

    /** Data items are client scopes without mappers: values travel only in the person-data response. */
    private void ensureDataItemScope(String scope) {
        if (realm.getClientScopesStream().anyMatch(existing -> existing.getName().equals(scope))) {
            return;
        }
        ClientScopeModel clientScope = realm.addClientScope(scope);
        clientScope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        clientScope.setDescription("Banking Made Easy data item " + scope);
        clientScope.setIncludeInTokenScope(true);
        clientScope.setDisplayOnConsentScreen(false);
    }

    private static ClientRepresentation clientOf(BankRegistration registration, AuthenticationFlowModel flow) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(registration.clientId());
        client.setName(registration.name().get("en"));
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setClientAuthenticatorType(JWTClientAuthenticator.PROVIDER_ID);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setFullScopeAllowed(false);
        client.setConsentRequired(false);
        client.setFrontchannelLogout(false);
        client.setRedirectUris(registration.redirectUris());
        client.setWebOrigins(List.of());
        boolean dataSharing = registration.profileOrDefault() == RelyingPartyProfile.DATA_SHARING;
        if (dataSharing) {
            client.setAuthenticationFlowBindingOverrides(Map.of("browser", flow.getId()));
        }

        Map<String, String> attributes = new HashMap<>();
        attributes.put(BankClient.KIND_ATTRIBUTE, registration.profileOrDefault().kind());
        registration.name().forEach((language, name) -> attributes.put(BankClient.NAME_ATTRIBUTE_PREFIX + language, name));
        if (dataSharing) {
            attributes.put(BankClient.PURPOSES_ATTRIBUTE, BankClient.RegisteredPurpose.toJson(registration.purposes()));
        }
        if (registration.postLogoutRedirectUris() != null && !registration.postLogoutRedirectUris().isEmpty()) {
            attributes.put(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS,
                    String.join(Constants.CFG_DELIMITER, registration.postLogoutRedirectUris()));
        }
        if (registration.backchannelLogoutUri() != null) {
            attributes.put(OIDCConfigAttributes.BACKCHANNEL_LOGOUT_URL, registration.backchannelLogoutUri());
            attributes.put(OIDCConfigAttributes.BACKCHANNEL_LOGOUT_SESSION_REQUIRED, "true");
        }
        if (registration.jwksUri() != null) {
            attributes.put("use.jwks.url", "true");
            attributes.put("jwks.url", registration.jwksUri());
        } else {
            attributes.put("use.jwks.string", "true");
            attributes.put("jwks.string", registration.jwksJson());
        }
        // Checked wherever the bank authenticates (PAR, token, revocation, introspection), not only where a policy looks.
        attributes.put(OIDCConfigAttributes.TOKEN_ENDPOINT_AUTH_SIGNING_ALG, registration.signingAlgorithm());
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        if (dataSharing) {
            attributes.put("require.pushed.authorization.requests", "true");
            attributes.put("dpop.bound.access.tokens", "true");
            attributes.put("use.refresh.tokens", "false");
        }
        // A login-only business may refresh; the realm rotates refresh tokens and refuses one used twice.
        client.setAttributes(attributes);

        // No profile or email scope: identity data leaves only through the person-data API, and login only gets none.
        client.setDefaultClientScopes(List.of("basic"));
        client.setOptionalClientScopes(registration.registeredPurposes().stream()
                .flatMap(purpose -> purpose.items().stream()).distinct().toList());
        client.setProtocolMappers(dataSharing
                ? List.of(assuranceLevelMapper(), pairwiseSubject(), ConsentClaimMapper.representation())
                : List.of(assuranceLevelMapper(), pairwiseSubject()));
        return client;
    }

    private static ProtocolMapperRepresentation assuranceLevelMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("assurance level");
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(AssuranceLevelMapper.PROVIDER_ID);
        mapper.setConfig(Map.of("id.token.claim", "true", "access.token.claim", "true",
                "introspection.token.claim", "true", "userinfo.token.claim", "false"));
        return mapper;
    }

    /** Each bank or business sees its own {@code sub}: a random salt per client, so two on one host still differ. */
    private static ProtocolMapperRepresentation pairwiseSubject() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("pairwise subject");
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(new SHA256PairwiseSubMapper().getId());
        mapper.setConfig(Map.of(PairwiseSubMapperHelper.SECTOR_IDENTIFIER_URI, "",
                PairwiseSubMapperHelper.PAIRWISE_SUB_ALGORITHM_SALT, Base64.getEncoder().encodeToString(salt)));
        return mapper;
    }
}
