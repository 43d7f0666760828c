package hk.smartid.idp;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import hk.smartid.platform.Platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keycloak's admin REST API as the bootstrap administrator, for tests that inspect or prepare the realm. */
public final class KeycloakAdmin {

    private static final long TOKEN_REUSE_NANOS = 40_000_000_000L;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Platform platform;
    private final URI base;
    private String token;
    private long tokenFetchedAt;

    public KeycloakAdmin(Platform platform) throws Exception {
        this.platform = platform;
        base = platform.settings().keycloakUrl();
    }

    /** The administrator's access token, fetched again before it expires (master tokens live 60 s). */
    private String token() throws Exception {
        if (token == null || System.nanoTime() - tokenFetchedAt > TOKEN_REUSE_NANOS) {
            TokenResponse response = TokenResponse.parse(new TokenRequest(
                    URI.create(base + "/realms/master/protocol/openid-connect/token"), new ClientID("admin-cli"),
                    new ResourceOwnerPasswordCredentialsGrant(platform.keycloakAdminUsername(),
                            new Secret(platform.secrets().keycloakAdminPassword()))).toHTTPRequest().send());
            token = response.toSuccessResponse().getTokens().getAccessToken().getValue();
            tokenFetchedAt = System.nanoTime();
        }
        return token;
    }

    public Map<String, Object> object(String path) throws Exception {
        return JSONObjectUtils.parse(send(HttpRequest.newBuilder(adminUri(path)).GET(), 200));
    }

    public List<Object> array(String path) throws Exception {
        return JSONArrayUtils.parse(send(HttpRequest.newBuilder(adminUri(path)).GET(), 200));
    }

    public void post(String path, String json) throws Exception {
        post(path, json, 201);
    }

    void post(String path, String json, int expectedStatus) throws Exception {
        send(HttpRequest.newBuilder(adminUri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), expectedStatus);
    }

    /** Keycloak's partial import: many users in one request, far faster than one by one. */
    public void importUsers(String usersJsonArray) throws Exception {
        post("/partialImport", "{\"ifResourceExists\": \"SKIP\", \"users\": " + usersJsonArray + "}", 200);
    }

    public void put(String path, String json) throws Exception {
        send(HttpRequest.newBuilder(adminUri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), 204);
    }

    /**
     * A confidential client whose service account holds {@code realmRole} (none if null): a machine caller
     * standing in for a person with that role, for API tests that need no browser.
     */
    public ServiceAccount serviceAccount(String realmRole, String branch) throws Exception {
        String clientId = "api-test-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        post("/clients", """
                {"clientId": "%s", "secret": "%s", "publicClient": false, "serviceAccountsEnabled": true,
                 "standardFlowEnabled": false, "directAccessGrantsEnabled": false}""".formatted(clientId, secret));
        Map<String, Object> user = object("/clients/" + clientUuid(clientId) + "/service-account-user");
        String userId = (String) user.get("id");
        if (realmRole != null) {
            grantRealmRole(userId, realmRole);
        }
        if (branch != null) {
            setAttribute(userId, "counter_branch", branch);
        }
        return new ServiceAccount(clientId, secret, userId);
    }

    public String userIdByUsername(String username) throws Exception {
        return (String) array("/users?exact=true&username=" + java.net.URLEncoder.encode(username,
                java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(user -> ((Map<?, ?>) user).get("id")).findFirst().orElseThrow();
    }

    public void grantRealmRole(String userId, String realmRole) throws Exception {
        String roleJson = JSONObjectUtils.toJSONString(object("/roles/" + realmRole));
        post("/users/" + userId + "/role-mappings/realm", "[" + roleJson + "]", 204);
    }

    /** Gives {@code userId} a role of a client, e.g. {@code manage-account} of Keycloak's {@code account} client. */
    /** Takes a realm role (e.g. the default roles every account gets) away from the user. */
    public void revokeRealmRole(String userId, String realmRole) throws Exception {
        String roleJson = JSONObjectUtils.toJSONString(object("/roles/" + realmRole));
        send(HttpRequest.newBuilder(adminUri("/users/" + userId + "/role-mappings/realm"))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("[" + roleJson + "]")), 204);
    }

    public void grantClientRole(String userId, String clientId, String role) throws Exception {
        String clientUuid = clientUuid(clientId);
        String roleJson = JSONObjectUtils.toJSONString(object("/clients/" + clientUuid + "/roles/" + role));
        post("/users/" + userId + "/role-mappings/clients/" + clientUuid, "[" + roleJson + "]", 204);
    }

    /**
     * A public client for the authorization code flow with PKCE, sending the code to {@code redirectUri}: lets a
     * test hold the access token a resident's own browser login gives, as an app of theirs would.
     */
    public String publicClient(String redirectUri) throws Exception {
        String clientId = "browser-test-" + UUID.randomUUID().toString().substring(0, 8);
        post("/clients", """
                {"clientId": "%s", "publicClient": true, "standardFlowEnabled": true, "directAccessGrantsEnabled": false,
                 "redirectUris": ["%s"], "attributes": {"pkce.code.challenge.method": "S256"}}"""
                .formatted(clientId, redirectUri));
        return clientId;
    }

    private String clientUuid(String clientId) throws Exception {
        return (String) array("/clients?clientId=" + clientId).stream()
                .map(c -> ((Map<?, ?>) c).get("id")).findFirst().orElseThrow();
    }

    /** Sets one attribute, keeping the others (a PUT replaces the user's whole attribute map). */
    @SuppressWarnings("unchecked")
    public void setAttribute(String userId, String name, String value) throws Exception {
        Map<String, Object> user = object("/users/" + userId);
        Map<String, Object> attributes = (Map<String, Object>) user.getOrDefault("attributes", new java.util.HashMap<>());
        attributes.put(name, List.of(value));
        user.put("attributes", attributes);
        put("/users/" + userId, JSONObjectUtils.toJSONString(user));
    }

    /** A realm attribute (a setting of ours such as {@code smartid.activationCodeValidity}), or null. */
    @SuppressWarnings("unchecked")
    public String realmAttribute(String name) throws Exception {
        Map<String, Object> attributes = (Map<String, Object>) realm().getOrDefault("attributes", Map.of());
        return (String) attributes.get(name);
    }

    /** Sets one realm attribute as an administrator would; the others are sent back unchanged. */
    @SuppressWarnings("unchecked")
    public void setRealmAttribute(String name, String value) throws Exception {
        Map<String, Object> attributes = new java.util.HashMap<>(
                (Map<String, Object>) realm().getOrDefault("attributes", Map.of()));
        attributes.put(name, java.util.Objects.requireNonNull(value, "value"));
        send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/smartid")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(Map.of("attributes", attributes)))), 204);
    }

    private Map<String, Object> realm() throws Exception {
        return JSONObjectUtils.parse(send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/smartid")).GET(), 200));
    }

    public record ServiceAccount(String clientId, String secret, String userId) {

        /** An access token of this service account (client-credentials grant). */
        public String accessToken(Platform platform) throws Exception {
            return TokenResponse.parse(new TokenRequest(
                            URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/token"),
                            new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                            new ClientCredentialsGrant()).toHTTPRequest().send())
                    .toSuccessResponse().getTokens().getAccessToken().getValue();
        }
    }

    private URI adminUri(String path) {
        return URI.create(base + "/admin/realms/smartid" + path);
    }

    private String send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("Admin API " + response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
