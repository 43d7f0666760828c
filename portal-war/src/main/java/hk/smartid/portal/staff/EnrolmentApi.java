package hk.smartid.portal.staff;

import hk.smartid.portal.login.IdentityProvider;
import hk.smartid.portal.login.IdpAccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The IdP's staff enrolment API ({@code <realm>/enrolment}), called with the signed-in staff member's own access
 * token. The only class of the console that speaks HTTP; every answer becomes an {@link ApiResult}.
 */
@RequestScoped
public class EnrolmentApi {

    private static final Logger LOG = Logger.getLogger(EnrolmentApi.class.getName());
    private static final long CONNECT_TIMEOUT_SECONDS = 5;
    private static final long READ_TIMEOUT_SECONDS = 15;

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpAccessToken idpAccessToken;

    /** {@code GET /residents?hkid=}. */
    public ApiResult<ResidentRecord> findResident(String hkidNumber) {
        return call((client, token) -> request(client, "residents", token, Map.of("hkid", hkidNumber == null ? "" : hkidNumber)).get(),
                200, ResidentRecord.class, Function.identity());
    }

    /** {@code POST /residents}. */
    public ApiResult<ActivationCodeIssued> enrol(EnrolmentForm form) {
        return call((client, token) -> request(client, "residents", token, Map.of()).post(Entity.entity(form, MediaType.APPLICATION_JSON)),
                201, IssuedCodeBody.class, IssuedCodeBody::toIssued);
    }

    /** {@code POST /residents/{id}/verification}: a self-registered account verified in person. */
    public ApiResult<ResidentRecord> verifyExisting(String residentId, EnrolmentForm form) {
        return call((client, token) -> request(client, "residents/" + pathSegment(residentId) + "/verification", token, Map.of())
                        .post(Entity.entity(form, MediaType.APPLICATION_JSON)),
                200, ResidentRecord.class, Function.identity());
    }

    /** {@code POST /residents/{id}/activation-code}. */
    public ApiResult<ActivationCodeIssued> reissueActivationCode(String residentId) {
        return call((client, token) -> request(client, "residents/" + pathSegment(residentId) + "/activation-code", token, Map.of())
                        .post(Entity.entity("", MediaType.APPLICATION_JSON)),
                201, IssuedCodeBody.class, IssuedCodeBody::toIssued);
    }

    /** A path-segment-safe form of an id given by the IdP (UUIDs in practice). */
    static String pathSegment(String id) {
        return java.net.URLEncoder.encode(id == null ? "" : id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private <W, T> ApiResult<T> call(Send send, int successStatus, Class<W> wireType,
                                     Function<W, T> convert) {
        Optional<String> token;
        try {
            token = idpAccessToken.current();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not refresh the staff access token", e);
            return new ApiResult.Unavailable<>();
        }
        if (token.isEmpty()) {
            return new ApiResult.LoginOver<>();
        }
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Response response = send.send(client, token.get());
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return interpret(response.getStatus(), body, successStatus, wireType, convert, jsonb::fromJson);
        } catch (ProcessingException | IllegalStateException e) {
            LOG.log(Level.WARNING, "the IdP enrolment API could not be reached", e);
            return new ApiResult.Unavailable<>();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "unexpected failure calling the IdP enrolment API", e);
            return new ApiResult.Unavailable<>();
        } finally {
            client.close();
        }
    }

    /** One HTTP exchange with the API. */
    @FunctionalInterface
    private interface Send {
        Response send(Client client, String token);
    }

    private Invocation.Builder request(Client client, String path, String token, Map<String, String> query) {
        var target = client.target(base()).path(path);
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            target = target.queryParam(parameter.getKey(), parameter.getValue());
        }
        return target.request(MediaType.APPLICATION_JSON).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private URI base() {
        String realm = identityProvider.realmUrl().toString();
        return URI.create((realm.endsWith("/") ? realm : realm + "/") + "enrolment");
    }

    /** Reads JSON into a type; JSON-B in production. */
    @FunctionalInterface
    interface JsonReader {
        <X> X read(String json, Class<X> type);
    }

    /**
     * The meaning of an answer of the API (pure: no HTTP).
     *
     * @param status        HTTP status
     * @param body          the response body ("" if none)
     * @param successStatus the status of success (200 for a search, 201 when a code is issued)
     */
    static <W, T> ApiResult<T> interpret(int status, String body, int successStatus, Class<W> wireType,
                                         Function<W, T> convert, JsonReader json) {
        try {
            if (status == successStatus) {
                W wire = json.read(body, wireType);
                T value = wire == null ? null : convert.apply(wire);
                return value == null ? new ApiResult.Unavailable<>() : new ApiResult.Success<>(value);
            }
            ErrorBody error = body == null || body.isBlank() ? new ErrorBody() : json.read(body, ErrorBody.class);
            String code = error == null || error.error == null ? "" : error.error;
            switch (status) {
                case 400:
                    Map<String, String> fields = error == null || error.fields == null ? Map.of() : error.fields;
                    return new ApiResult.FieldErrors<>(fields);
                case 401:
                    if ("insufficient_user_authentication".equals(code)) {
                        return new ApiResult.StepUpRequired<>(error.maxAge == null ? 0 : error.maxAge);
                    }
                    return new ApiResult.LoginOver<>();
                case 403:
                    return new ApiResult.Forbidden<>();
                case 404:
                    return new ApiResult.NotFound<>();
                case 409:
                    if ("contact_has_basic_account".equals(code) && error.residentId != null) {
                        return new ApiResult.BasicAccountExists<>(error.residentId);
                    }
                    return new ApiResult.AlreadyEnrolled<>();
                default:
                    LOG.warning(() -> "unexpected answer of the IdP enrolment API: " + status + " " + code);
                    return new ApiResult.Unavailable<>();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable answer of the IdP enrolment API (status " + status + ")", e);
            return new ApiResult.Unavailable<>();
        }
    }

    /** The API's error body: {@code {"error", "fields", "max_age"}}. */
    public static class ErrorBody {
        public String error;
        public String residentId;
        public Map<String, String> fields;
        @JsonbProperty("max_age")
        public Long maxAge;
    }

    /** The API's {@code 201} body when a code is issued; {@code expiresAt} is an ISO-8601 instant. */
    public static class IssuedCodeBody {
        public String residentId;
        public String activationCode;
        public String expiresAt;

        ActivationCodeIssued toIssued() {
            if (activationCode == null || activationCode.isBlank() || expiresAt == null) {
                return null;
            }
            try {
                return new ActivationCodeIssued(residentId, activationCode, Instant.parse(expiresAt));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
