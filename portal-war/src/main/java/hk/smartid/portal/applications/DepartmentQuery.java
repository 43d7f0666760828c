package hk.smartid.portal.applications;

import java.util.Set;

/**
 * Which of a department's applications to list, in what order, and which page of them (for a lazy work queue).
 *
 * @param statuses  only these statuses; empty for all
 * @param serviceId only this service; null for all
 * @param reference only references containing this text (any case); null for all
 * @param first     index of the first application to return
 * @param max       at most this many
 */
public record DepartmentQuery(Set<ApplicationStatus> statuses, String serviceId, String reference, Order order,
                              boolean ascending, int first, int max) {

    /** What the list may be sorted by. */
    public enum Order { SUBMITTED_AT, UPDATED_AT, REFERENCE, STATUS, SERVICE_ID }

    public DepartmentQuery {
        statuses = Set.copyOf(statuses);
        if (first < 0 || max < 1) {
            throw new IllegalArgumentException("first must be >= 0 and max >= 1");
        }
    }

    /** The first {@code max} of every application of the department, oldest first (the order work is done in). */
    public static DepartmentQuery all(int max) {
        return new DepartmentQuery(Set.of(), null, null, Order.SUBMITTED_AT, true, 0, max);
    }
}
