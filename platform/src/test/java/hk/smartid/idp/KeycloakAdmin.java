package hk.smartid.idp;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import hk.smartid.platform.Platform;
import hk.smartid.platform.Realm;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keycloak's admin REST API as the bootstrap administrator, for tests that inspect or prepare the realm: Keycloak's
 * admin client, the one the launcher uses too ({@link Platform#idpAdmin()}). The path methods ({@link #object},
 * {@link #array}, {@link #post}, {@link #put}) go through the same client for resources it has no method for
 * (events, authentication flows) and for tests that read the representation as JSON.
 */
public final class KeycloakAdmin {

    private final Keycloak keycloak;
    private final RealmResource realm;
    private final URI base;

    public KeycloakAdmin(Platform platform) throws Exception {
        this.keycloak = platform.idpAdmin();
        this.realm = keycloak.realm(Realm.NAME);
        this.base = URI.create(platform.settings().keycloakUrl() + "/admin/realms/" + Realm.NAME);
    }

    /** Any admin API resource by its path under the realm, through the admin client's HTTP client and token. */
    public interface Resource {
        @GET
        Response get();

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        Response post(String json);

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        Response put(String json);

        @DELETE
        Response delete();
    }

    public Map<String, Object> object(String path) throws Exception {
        return JSONObjectUtils.parse(expect(resource(path).get(), 200, path));
    }

    public List<Object> array(String path) throws Exception {
        return JSONArrayUtils.parse(expect(resource(path).get(), 200, path));
    }

    public void post(String path, String json) throws Exception {
        post(path, json, 201);
    }

    void post(String path, String json, int expectedStatus) throws Exception {
        expect(resource(path).post(json), expectedStatus, path);
    }

    /** Keycloak's partial import: many users in one request, far faster than one by one. */
    public void importUsers(String usersJsonArray) throws Exception {
        PartialImportRepresentation users = new PartialImportRepresentation();
        users.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        users.setUsers(List.of(JsonSerialization.readValue(usersJsonArray, UserRepresentation[].class)));
        expect(realm.partialImport(users), 200, "/partialImport");
    }

    public void put(String path, String json) throws Exception {
        expect(resource(path).put(json), 204, path);
    }

    /**
     * A confidential client whose service account holds {@code realmRole} (none if null): a machine caller
     * standing in for a person with that role, for API tests that need no browser.
     */
    public ServiceAccount serviceAccount(String realmRole, String branch) throws Exception {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("api-test-" + UUID.randomUUID().toString().substring(0, 8));
        client.setSecret(UUID.randomUUID().toString());
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        expect(realm.clients().create(client), 201, "/clients");
        String userId = client(client.getClientId()).getServiceAccountUser().getId();
        if (realmRole != null) {
            grantRealmRole(userId, realmRole);
        }
        if (branch != null) {
            setAttribute(userId, "counter_branch", branch);
        }
        return new ServiceAccount(client.getClientId(), client.getSecret(), userId);
    }

    public String userIdByUsername(String username) throws Exception {
        return realm.users().searchByUsername(username, true).stream().map(UserRepresentation::getId)
                .findFirst().orElseThrow();
    }

    public void grantRealmRole(String userId, String realmRole) throws Exception {
        realm.users().get(userId).roles().realmLevel().add(List.of(realm.roles().get(realmRole).toRepresentation()));
    }

    /** Takes a realm role (e.g. the default roles every account gets) away from the user. */
    public void revokeRealmRole(String userId, String realmRole) throws Exception {
        realm.users().get(userId).roles().realmLevel().remove(List.of(realm.roles().get(realmRole).toRepresentation()));
    }

    /** Gives {@code userId} a role of a client, e.g. {@code manage-account} of Keycloak's {@code account} client. */
    public void grantClientRole(String userId, String clientId, String role) throws Exception {
        String clientUuid = realm.clients().findByClientId(clientId).get(0).getId();
        realm.users().get(userId).roles().clientLevel(clientUuid)
                .add(List.of(realm.clients().get(clientUuid).roles().get(role).toRepresentation()));
    }

    /**
     * A public client for the authorization code flow with PKCE, sending the code to {@code redirectUri}: lets a
     * test hold the access token a resident's own browser login gives, as an app of theirs would.
     */
    public String publicClient(String redirectUri) throws Exception {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("browser-test-" + UUID.randomUUID().toString().substring(0, 8));
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(redirectUri));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        expect(realm.clients().create(client), 201, "/clients");
        return client.getClientId();
    }

    /** The provider ids of a client's protocol mappers. */
    public List<String> protocolMappers(String clientId) {
        return client(clientId).getProtocolMappers().getMappers().stream()
                .map(ProtocolMapperRepresentation::getProtocolMapper).toList();
    }

    /** Takes a protocol mapper off a client by its name, as an administrator could in the admin console. */
    public void removeProtocolMapper(String clientId, String mapperName) {
        ProtocolMappersResource mappers = client(clientId).getProtocolMappers();
        mappers.getMappers().stream().filter(mapper -> mapperName.equals(mapper.getName()))
                .forEach(mapper -> mappers.delete(mapper.getId()));
    }

    private ClientResource client(String clientId) {
        return realm.clients().get(realm.clients().findByClientId(clientId).get(0).getId());
    }

    /** Sets one attribute, keeping the others (an update replaces the user's whole attribute map). */
    public void setAttribute(String userId, String name, String value) throws Exception {
        UserRepresentation user = realm.users().get(userId).toRepresentation();
        Map<String, List<String>> attributes = user.getAttributes() == null ? new HashMap<>()
                : new HashMap<>(user.getAttributes());
        attributes.put(name, List.of(value));
        user.setAttributes(attributes);
        realm.users().get(userId).update(user);
    }

    /** A realm attribute (a setting of ours such as {@code smartid.activationCodeValidity}), or null. */
    public String realmAttribute(String name) throws Exception {
        Map<String, String> attributes = realm.toRepresentation().getAttributes();
        return attributes == null ? null : attributes.get(name);
    }

    /** Sets one realm attribute as an administrator would; the others are sent back unchanged. */
    public void setRealmAttribute(String name, String value) throws Exception {
        Map<String, String> attributes = new HashMap<>(Objects.requireNonNullElse(
                realm.toRepresentation().getAttributes(), Map.of()));
        attributes.put(name, Objects.requireNonNull(value, "value"));
        RealmRepresentation update = new RealmRepresentation();
        update.setAttributes(attributes);
        realm.update(update);
    }

    public record ServiceAccount(String clientId, String secret, String userId) {

        /** An access token of this service account (client-credentials grant). */
        public String accessToken(Platform platform) throws Exception {
            return accessToken(platform, Realm.NAME);
        }

        /** Its access token from the realm {@code realmName} (e.g. the sandbox's portal-onboarding account). */
        public String accessToken(Platform platform, String realmName) throws Exception {
            return TokenResponse.parse(new TokenRequest(
                            URI.create(platform.settings().keycloakUrl() + "/realms/" + realmName + "/protocol/openid-connect/token"),
                            new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                            new ClientCredentialsGrant()).toHTTPRequest().send())
                    .toSuccessResponse().getTokens().getAccessToken().getValue();
        }
    }

    private Resource resource(String path) {
        return keycloak.proxy(Resource.class, URI.create(base + path));
    }

    private static String expect(Response response, int expectedStatus, String path) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() != expectedStatus) {
                throw new AssertionError("Admin API " + path + " answered " + response.getStatus() + ": " + body);
            }
            return body;
        }
    }
}
