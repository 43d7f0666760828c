package hk.smartid.portal.applications;

/** A status change the application's current status does not allow, or not to this actor; nothing was changed. */
public class StatusChangeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApplicationStatus from;
    private final ApplicationStatus to;

    StatusChangeRefusedException(String reference, ApplicationStatus from, ApplicationStatus to, ActorRole by) {
        super("Application " + reference + " cannot go from " + from + " to " + to + " by " + by.value());
        this.from = from;
        this.to = to;
    }

    public ApplicationStatus from() {
        return from;
    }

    public ApplicationStatus to() {
        return to;
    }
}
