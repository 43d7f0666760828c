package hk.smartid.idp.access;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one way our REST resources refuse a request (docs/banking-made-easy.md, "Errors"): a status and a body
 * {@code {"error": code, "error_description": text, "fields": {field: message}?, ...details}} as in RFC 6749
 * section 5.2, and for a refused token the {@code WWW-Authenticate} challenge of RFC 6750 / RFC 9449.
 * Thrown by the checks of the API layer and turned into the answer by the resource, so the request's transaction
 * still commits (refusals are audited in it).
 */
public final class ApiError extends Exception {

    private final Response.Status status;
    private final String error;
    private final Map<String, String> fields;
    private final Map<String, Object> details;
    private final String challengeScheme;

    private ApiError(Response.Status status, String error, String description, Map<String, String> fields,
                     Map<String, Object> details, String challengeScheme) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.fields = Map.copyOf(fields);
        this.details = details;
        this.challengeScheme = challengeScheme;
    }

    public static ApiError of(Response.Status status, String error, String description) {
        return new ApiError(status, error, description, Map.of(), new LinkedHashMap<>(), null);
    }

    /** 400 {@code invalid_request}, naming each field (a JSON path such as {@code jwks.keys[0]}) and what is wrong with it. */
    public static ApiError invalidFields(Map<String, String> fields) {
        return new ApiError(Response.Status.BAD_REQUEST, "invalid_request", "Some fields are missing or not acceptable",
                fields, new LinkedHashMap<>(), null);
    }

    /** 401 {@code invalid_token} with the challenge of {@code scheme} ({@code Bearer} or {@code DPoP}). */
    public static ApiError invalidToken(String scheme, String description) {
        return challenge(Response.Status.UNAUTHORIZED, scheme, "invalid_token", description);
    }

    /** A refusal that tells the client how to authenticate: {@code WWW-Authenticate: <scheme> error=...}. */
    public static ApiError challenge(Response.Status status, String scheme, String error, String description) {
        return new ApiError(status, error, description, Map.of(), new LinkedHashMap<>(), scheme);
    }

    /** 403 for a valid caller without the role the API needs. */
    public static ApiError insufficientRole(String roleName) {
        return of(Response.Status.FORBIDDEN, "insufficient_role", "This API needs realm role " + roleName);
    }

    /** An extra member of the body (and of the challenge), e.g. {@code max_age} or {@code residentId}. */
    public ApiError with(String member, Object value) {
        details.put(member, value);
        return this;
    }

    public Response.Status status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Response response() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(body());
        challenge().ifPresent(challenge -> response.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
        return response.build();
    }

    /** The JSON body: {@code error}, {@code error_description}, {@code fields} when there are some, then the details. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        body.putAll(details);
        return body;
    }

    /** The {@code WWW-Authenticate} value, for a refused token. */
    Optional<String> challenge() {
        if (challengeScheme == null) {
            return Optional.empty();
        }
        StringBuilder challenge = new StringBuilder(challengeScheme).append(" error=\"").append(error)
                .append("\", error_description=\"").append(quotable(getMessage())).append('"');
        details.forEach((member, value) -> challenge.append(", ").append(member).append('=').append(
                value instanceof Number ? value.toString() : "\"" + quotable(String.valueOf(value)) + "\""));
        return Optional.of(challenge.toString());
    }

    private static String quotable(String text) {
        return text.replace("\\", "").replace("\"", "'");
    }
}
