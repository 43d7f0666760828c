package hk.smartid.portal.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
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

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls one of our realm APIs ({@code /realms/smartid/...}) as the signed-in person, with their access
 * token. Empty when there is no login or the IdP cannot be reached; callers show "try again later".
 */
@RequestScoped
public class IdpApi {

    private static final Logger LOG = Logger.getLogger(IdpApi.class.getName());
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpAccessToken accessToken;

    /** The status and body of one answer. */
    public record Answer(int status, String body) {
    }

    public Optional<Answer> get(String path, Map<String, Object> query) {
        return send("GET", path, query);
    }

    public Optional<Answer> post(String path) {
        return send("POST", path, Map.of());
    }

    public Optional<Answer> delete(String path, Map<String, Object> query) {
        return send("DELETE", path, query);
    }

    /** Reads a 200 answer's JSON into {@code type}; empty for any other status or unreadable JSON. */
    public <T> Optional<T> read(Optional<Answer> answer, Class<T> type) {
        if (answer.isEmpty() || answer.get().status() != 200) {
            return Optional.empty();
        }
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return Optional.ofNullable(jsonb.fromJson(answer.get().body(), type));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "An IdP answer could not be read as " + type.getSimpleName(), e);
            return Optional.empty();
        }
    }

    /** An instant the IdP gave (ISO-8601) as Hong Kong time in the reader's language. */
    public static String inHongKongTime(String isoInstant) {
        return inHongKongTime(Instant.parse(isoInstant));
    }

    /** An instant as Hong Kong time in the reader's language. */
    public static String inHongKongTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(instant.atZone(HONG_KONG));
    }

    private Optional<Answer> send(String method, String path, Map<String, Object> query) {
        Optional<String> token = accessToken.current();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS).build();
        try {
            WebTarget target = client.target(identityProvider.realmUrl().toString()).path(path);
            for (Map.Entry<String, Object> parameter : query.entrySet()) {
                target = target.queryParam(parameter.getKey(), parameter.getValue());
            }
            Invocation.Builder request = target.request(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
            try (Response response = "POST".equals(method) ? request.post(Entity.json(""))
                    : request.method(method)) {
                return Optional.of(new Answer(response.getStatus(),
                        response.hasEntity() ? response.readEntity(String.class) : ""));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The IdP did not answer " + method + " " + path, e);
            return Optional.empty();
        } finally {
            client.close();
        }
    }
}
