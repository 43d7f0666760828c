package hk.smartid.portal.login;

/** The IdP does not answer or publishes nothing usable; residents see "try again later", not a stack trace. */
public class IdentityProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
