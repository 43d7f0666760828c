package hk.smartid.idp.audit;

import java.time.Instant;

/**
 * One line of the staff audit trail, as read back.
 *
 * @param residentId the Keycloak user id of the resident concerned, or {@code null} (e.g. a search)
 * @param detail     a short note without identity data, or {@code null}
 */
public record StaffAuditEntry(
        String id,
        Instant occurredAt,
        StaffAction action,
        String staffId,
        String staffUsername,
        String branch,
        String residentId,
        StaffActionOutcome outcome,
        String detail) {
}
