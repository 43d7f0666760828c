package hk.smartid.idp.bank;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.assurance.AssuranceLevelMapper;
import hk.smartid.idp.audit.StaffAction;
import hk.smartid.idp.audit.StaffActionOutcome;
import hk.smartid.idp.audit.StaffCall;
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
import org.keycloak.models.AuthenticationFlowModel;
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

/**
 * Registers banks ({@code /realms/smartid/relying-parties}). Only a caller holding realm role
 * {@code rp-onboarding} may; the bank gets a confidential client that the {@code smartid-banks} client
 * policy holds to the FAPI 2.0 grade profile.
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
            registration.purposes().stream().flatMap(purpose -> purpose.items().stream()).distinct()
                    .forEach(this::ensureDataItemScope);
            ClientModel client = ClientManager.createClient(session, realm, clientOf(registration, flow));
            call.record(StaffActionOutcome.SUCCESS, null, "client " + registration.clientId());
            LOG.infof("Registered bank %s (%s) in realm %s", registration.clientId(), registration.name().get("en"), realm.getName());
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
            BankClient bank = BankClient.of(realm.getClientByClientId(clientId)).orElseThrow(() ->
                    ApiError.of(Response.Status.NOT_FOUND, "not_registered", "No bank is registered with this clientId"));
            return Response.ok(registrationOf(bank)).type(MediaType.APPLICATION_JSON).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    private static Map<String, Object> registrationOf(BankClient bank) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("clientId", bank.clientId());
        registration.put("name", bank.names());
        registration.put("redirectUris", List.copyOf(bank.client().getRedirectUris()));
        registration.put("jwksUri", bank.client().getAttribute("jwks.url"));
        registration.put("purposes", bank.client().getAttribute(BankClient.PURPOSES_ATTRIBUTE));
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
        client.setAuthenticationFlowBindingOverrides(Map.of("browser", flow.getId()));

        Map<String, String> attributes = new HashMap<>();
        attributes.put(BankClient.KIND_ATTRIBUTE, BankClient.KIND_BANK);
        registration.name().forEach((language, name) -> attributes.put(BankClient.NAME_ATTRIBUTE_PREFIX + language, name));
        attributes.put(BankClient.PURPOSES_ATTRIBUTE, BankClient.RegisteredPurpose.toJson(registration.purposes()));
        if (registration.jwksUri() != null) {
            attributes.put("use.jwks.url", "true");
            attributes.put("jwks.url", registration.jwksUri());
        } else {
            attributes.put("use.jwks.string", "true");
            attributes.put("jwks.string", registration.jwksJson());
        }
        // Checked wherever the bank authenticates (PAR, token, revocation, introspection), not only where a policy looks.
        attributes.put(OIDCConfigAttributes.TOKEN_ENDPOINT_AUTH_SIGNING_ALG, registration.signingAlgorithm());
        attributes.put("require.pushed.authorization.requests", "true");
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("dpop.bound.access.tokens", "true");
        attributes.put("use.refresh.tokens", "false");
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        client.setAttributes(attributes);

        // No profile or email scope: identity data leaves only through the person-data API.
        client.setDefaultClientScopes(List.of("basic"));
        client.setOptionalClientScopes(registration.purposes().stream()
                .flatMap(purpose -> purpose.items().stream()).distinct().toList());
        client.setProtocolMappers(List.of(assuranceLevelMapper(), pairwiseSubject()));
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

    /** Each bank sees its own {@code sub}: a random salt per bank, so two banks on one host still differ. */
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
