package hk.smartid.portal.datasharing;

import java.io.Serializable;

/**
 * Whether the portal could check a disclosure against the IdP's signed disclosure log ({@link LogInclusion}):
 * verified (in the signed head of {@code treeSize} disclosures), pending (not yet in a signed head) or failed.
 */
public record LogStatus(State state, long treeSize) implements Serializable {

    public enum State { VERIFIED, PENDING, FAILED }

    static final LogStatus PENDING = new LogStatus(State.PENDING, 0);

    static LogStatus verified(long treeSize) {
        return new LogStatus(State.VERIFIED, treeSize);
    }

    static LogStatus failed() {
        return new LogStatus(State.FAILED, 0);
    }

    /** The message key of the page's words for it. */
    public String messageKey() {
        return "dataSharing.log." + switch (state) {
            case VERIFIED -> "verified";
            case PENDING -> "pending";
            case FAILED -> "failed";
        };
    }
}
