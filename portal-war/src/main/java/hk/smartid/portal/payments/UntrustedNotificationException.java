package hk.smartid.portal.payments;

/** A payment notification the registered provider did not sign, or that is no longer valid: answered 401. */
public class UntrustedNotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public UntrustedNotificationException(String reason) {
        super(reason);
    }
}
