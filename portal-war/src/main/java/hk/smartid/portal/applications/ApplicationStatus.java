package hk.smartid.portal.applications;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands, and who may move it where. A fee is paid before a department sees the application
 * (the payment provider's notification moves it from {@link #AWAITING_PAYMENT} to {@link #SUBMITTED}); from there
 * only officers move it. {@link #APPROVED} and {@link #REJECTED} are final.
 */
public enum ApplicationStatus {
    SUBMITTED, AWAITING_PAYMENT, IN_PROGRESS, APPROVED, REJECTED, MORE_INFORMATION_NEEDED;

    /** The statuses this one may change to, by anyone. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case AWAITING_PAYMENT -> EnumSet.of(SUBMITTED);
            case SUBMITTED, MORE_INFORMATION_NEEDED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(APPROVED, REJECTED, MORE_INFORMATION_NEEDED);
            case APPROVED, REJECTED -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    /** Whether {@code by} may change an application from this status to {@code to}. */
    public boolean canChangeTo(ApplicationStatus to, ActorRole by) {
        return next().contains(to) && by == (this == AWAITING_PAYMENT ? ActorRole.PAYMENT_PROVIDER : ActorRole.OFFICER);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The status a new application starts in: a fee must be paid first. */
    public static ApplicationStatus initial(long feeHkd) {
        return feeHkd > 0 ? AWAITING_PAYMENT : SUBMITTED;
    }

    /** Key of the status's name in the portal's message bundles, e.g. {@code application.status.IN_PROGRESS}. */
    public String messageKey() {
        return "application.status." + name();
    }
}
