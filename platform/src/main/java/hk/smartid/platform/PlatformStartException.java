package hk.smartid.platform;

/** The platform cannot start; the message says why in words a person can act on. */
public class PlatformStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlatformStartException(String message) {
        super(message);
    }

    public PlatformStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
