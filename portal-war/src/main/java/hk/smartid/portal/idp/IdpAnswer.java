package hk.smartid.portal.idp;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbProperty;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The meaning of one answer of the IdP's realm APIs (pure: no HTTP), the only place that reads their status codes
 * and error bodies: {@code {"error": code, "fields": {name: message key}, "max_age": seconds, "residentId": id}}.
 */
final class IdpAnswer {

    private static final Logger LOG = Logger.getLogger(IdpAnswer.class.getName());

    static final String STEP_UP = "insufficient_user_authentication";

    private IdpAnswer() {
    }

    /**
     * @param status the HTTP status
     * @param body   the body ("" if none)
     * @param type   what a 2xx body holds; {@link Void} when nothing is expected of it
     */
    static <T> IdpResult<T> interpret(int status, String body, Class<T> type, Jsonb json) {
        try {
            if (status >= 200 && status < 300) {
                if (type == Void.class) {
                    return new IdpResult.Success<>(null);
                }
                T value = body == null || body.isBlank() ? null : json.fromJson(body, type);
                return value == null ? new IdpResult.Unavailable<>() : new IdpResult.Success<>(value);
            }
            ErrorBody error = errorBody(body, json);
            String code = error.error == null ? "" : error.error;
            return switch (status) {
                case 400 -> new IdpResult.FieldErrors<>(error.fields == null ? Map.of() : error.fields);
                case 401 -> STEP_UP.equals(code)
                        ? new IdpResult.StepUpRequired<>(error.maxAge == null ? 0 : Math.max(error.maxAge, 0))
                        : new IdpResult.LoginOver<>();
                case 403 -> new IdpResult.Forbidden<>();
                case 404 -> new IdpResult.NotFound<>();
                case 409 -> new IdpResult.Conflict<>(code, error.residentId);
                default -> {
                    LOG.warning(() -> "unexpected answer of the IdP: " + status + " " + code);
                    yield new IdpResult.Unavailable<>();
                }
            };
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable answer of the IdP (status " + status + ")", e);
            return new IdpResult.Unavailable<>();
        }
    }

    /** The error body; an empty one for no body or one that is not our JSON (a proxy's HTML page, say). */
    private static ErrorBody errorBody(String body, Jsonb json) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return new ErrorBody();
        }
        try {
            ErrorBody error = json.fromJson(body, ErrorBody.class);
            return error == null ? new ErrorBody() : error;
        } catch (RuntimeException e) {
            return new ErrorBody();
        }
    }

    /** The APIs' error body. */
    public static class ErrorBody {
        public String error;
        public String residentId;
        public Map<String, String> fields;
        @JsonbProperty("max_age")
        public Long maxAge;
    }
}
