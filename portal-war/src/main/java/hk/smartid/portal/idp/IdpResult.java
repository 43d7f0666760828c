package hk.smartid.portal.idp;

import java.util.Map;
import java.util.function.Function;

/**
 * What a call to one of the IdP's realm APIs came to, one type per outcome, so that page beans only decide what to
 * show. The outcomes every call can have ({@link LoginOver}, {@link StepUpRequired}, {@link Forbidden},
 * {@link Unavailable}) are handled the same way on every page by {@link IdpOutcomes}.
 *
 * @param <T> what a successful call gives
 */
public sealed interface IdpResult<T> {

    /** A 2xx answer with the expected body ({@code null} for an answer without one, such as 204). */
    record Success<T>(T value) implements IdpResult<T> {
    }

    /** 400: field name (as in the request) to message key ({@code smartid.*}); empty when the IdP named none. */
    record FieldErrors<T>(Map<String, String> fields) implements IdpResult<T> {
        public FieldErrors {
            fields = Map.copyOf(fields);
        }
    }

    /** 404: what the call was about does not exist (or is not the caller's). */
    record NotFound<T>() implements IdpResult<T> {
    }

    /**
     * 409: the request conflicts with what the IdP holds, its {@code error} saying how (e.g.
     * {@code hkid_already_enrolled}); {@code residentId} names the account concerned when the IdP gives one.
     */
    record Conflict<T>(String error, String residentId) implements IdpResult<T> {
    }

    /** 401 other than a step-up, no access token, or one that could not be refreshed: the person must log in again. */
    record LoginOver<T>() implements IdpResult<T> {
    }

    /** 401 {@code insufficient_user_authentication} (RFC 9470): a login no older than {@code maxAge} seconds is needed. */
    record StepUpRequired<T>(long maxAge) implements IdpResult<T> {
    }

    /** 403: the person may not do this. */
    record Forbidden<T>() implements IdpResult<T> {
    }

    /** The IdP could not be reached or answered something unexpected. */
    record Unavailable<T>() implements IdpResult<T> {
    }

    /**
     * This result with a success's value converted; a value the conversion refuses ({@code null}) makes the answer
     * {@link Unavailable}, as an unreadable body does.
     */
    @SuppressWarnings("unchecked")
    default <U> IdpResult<U> map(Function<? super T, ? extends U> convert) {
        if (this instanceof Success<T> success) {
            U value = success.value() == null ? null : convert.apply(success.value());
            return value == null ? new Unavailable<>() : new Success<>(value);
        }
        return (IdpResult<U>) this; // the other outcomes carry no value
    }
}
