package hk.smartid.portal.applications;

import java.time.Instant;

/**
 * CDI event fired by {@link Applications} for every status an application gets, its first one at submission
 * included. It is fired synchronously inside the transaction that changes the status: an observer's writes (a
 * notification, say) commit with the change or are rolled back with it, and an observer that throws undoes it.
 */
public record ApplicationStatusChanged(String applicationId, String reference, String residentSubject,
                                       String serviceId, String departmentId, ApplicationStatus status,
                                       ApplicationActor actor, String note, Instant at) {
}
