package hk.smartid.portal.idp;

import hk.smartid.portal.login.IdentityProvider;
import hk.smartid.portal.login.IdpAccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The portal's one client of the IdP's realm APIs ({@code <realm>/...}: account activity, passkeys, data sharing,
 * staff enrolment, staff audit), called as the signed-in person with their own access token. Every answer becomes
 * an {@link IdpResult} ({@link IdpAnswer} reads it); no page bean speaks HTTP.
 */
@RequestScoped
public class IdpClient {

    private static final Logger LOG = Logger.getLogger(IdpClient.class.getName());
    private static final long CONNECT_TIMEOUT_SECONDS = 5;
    private static final long READ_TIMEOUT_SECONDS = 15;

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpAccessToken accessToken;

    /** {@code GET <realm>/path?query}, the answer's body read into {@code type}. */
    public <T> IdpResult<T> get(String path, Map<String, ?> query, Class<T> type) {
        return call("GET", path, query, null, type);
    }

    /** {@code POST <realm>/path} with {@code body} as JSON ({@code null}: an empty body). */
    public <T> IdpResult<T> post(String path, Object body, Class<T> type) {
        return call("POST", path, Map.of(), body, type);
    }

    /** {@code DELETE <realm>/path?query}; a success carries nothing. */
    public IdpResult<Void> delete(String path, Map<String, ?> query) {
        return call("DELETE", path, query, null, Void.class);
    }

    /** An id the IdP gave, safe as one path segment. */
    public static String pathSegment(String id) {
        return URLEncoder.encode(id == null ? "" : id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> IdpResult<T> call(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        Optional<String> token;
        try {
            token = accessToken.current();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the access token could not be refreshed", e);
            return new IdpResult.Unavailable<>();
        }
        if (token.isEmpty()) {
            return new IdpResult.LoginOver<>();
        }
        return send(identityProvider.realmUrl().toString(), token.get(), method, path, query, body, type);
    }

    /**
     * One call of a realm API ({@code realmUrl/path?query}) with a bearer token, read by {@link IdpAnswer}: how the
     * portal calls the IdP, as a person ({@link #call}) or as its onboarding service account ({@link IdpOnboarding}).
     */
    static <T> IdpResult<T> send(String realmUrl, String token, String method, String path, Map<String, ?> query,
                                 Object body, Class<T> type) {
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            WebTarget target = client.target(realmUrl).path(path);
            for (Map.Entry<String, ?> parameter : query.entrySet()) {
                target = target.queryParam(parameter.getKey(), parameter.getValue());
            }
            Invocation.Builder request = target.request(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            try (Response response = "POST".equals(method)
                    ? request.post(Entity.entity(body == null ? "" : jsonb.toJson(body), MediaType.APPLICATION_JSON))
                    : request.method(method)) {
                String answer = response.hasEntity() ? response.readEntity(String.class) : "";
                return IdpAnswer.interpret(response.getStatus(), answer, type, jsonb);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the IdP did not answer " + method + " " + realmUrl + "/" + path, e);
            return new IdpResult.Unavailable<>();
        } finally {
            client.close();
        }
    }
}
