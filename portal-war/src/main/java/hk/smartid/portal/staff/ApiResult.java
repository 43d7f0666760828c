package hk.smartid.portal.staff;

import java.util.Map;

/**
 * What a call to the IdP's staff enrolment API came to, one type per outcome, so that the page beans only
 * decide what to show.
 *
 * @param <T> what a successful call gives
 */
public sealed interface ApiResult<T> {

    /** 200 or 201 with the expected body. */
    record Success<T>(T value) implements ApiResult<T> {
    }

    /** 400 {@code invalid_request}: field name (as in the request) to message key ({@code smartid.*}). */
    record FieldErrors<T>(Map<String, String> fields) implements ApiResult<T> {
        public FieldErrors {
            fields = Map.copyOf(fields);
        }
    }

    /** 404 {@code resident_not_found}. */
    record NotFound<T>() implements ApiResult<T> {
    }

    /** 409 {@code hkid_already_enrolled}. */
    record AlreadyEnrolled<T>() implements ApiResult<T> {
    }

    /**
     * 409 {@code contact_has_basic_account}: the person registered online with this mobile number or email
     * before; staff can verify that account instead of enrolling a second one.
     */
    record BasicAccountExists<T>(String residentId) implements ApiResult<T> {
    }

    /** 401 {@code invalid_token}, or no access token at all: the staff member must log in again. */
    record LoginOver<T>() implements ApiResult<T> {
    }

    /** 401 {@code insufficient_user_authentication}: a login no older than {@code maxAge} seconds is needed. */
    record StepUpRequired<T>(long maxAge) implements ApiResult<T> {
    }

    /** 403 {@code insufficient_role}. */
    record Forbidden<T>() implements ApiResult<T> {
    }

    /** The IdP could not be reached or answered something unexpected. */
    record Unavailable<T>() implements ApiResult<T> {
    }
}
