package hk.smartid.idp.audit;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The append-only record of what counter staff did with residents' identities: who, at which branch,
 * what, to whom, and how it ended. There is deliberately no way here to change or remove a line.
 *
 * <p>A line is written in the Keycloak session's transaction, so it is committed together with the action
 * it records, and is lost with it if the request fails with an exception (Keycloak then rolls back). Record
 * refusals and failures by answering them with an ordinary response, not by throwing.
 */
public class StaffAuditTrail {

    /** Who acts, and where, in a line the IdP writes by itself (no staff member involved). */
    public static final String IDP_ITSELF = "smartid-idp";
    public static final String ONLINE = "online";

    /** The most lines {@link #recent} returns at once. */
    public static final int MAX_PAGE = 500;

    private final KeycloakSession session;
    private final Clock clock;

    public StaffAuditTrail(KeycloakSession session) {
        this(session, Clock.systemUTC());
    }

    public StaffAuditTrail(KeycloakSession session, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends a line. {@code residentId} (the Keycloak user id) and {@code detail} may be {@code null}.
     * {@code detail} is a short note and must never hold identity data (HKID number, date of birth, contact
     * details): one that looks like it does is stored as a placeholder instead, one too long is cut.
     */
    public void record(RealmModel realm, StaffAction action, String staffId, String staffUsername, String branch,
                       String residentId, StaffActionOutcome outcome, String detail) {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(staffUsername, "staffUsername");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(outcome, "outcome");
        em().persist(new StaffAuditEntity(UUID.randomUUID().toString(), realm.getId(), clock.millis(), staffId,
                staffUsername, branch, action.name(), residentId, outcome.name(), AuditDetail.sanitise(detail)));
    }

    /** Lines of {@code realm}, newest first, skipping the {@code first} newest; at most {@code max} ({@value #MAX_PAGE}). */
    public List<StaffAuditEntry> recent(RealmModel realm, int first, int max) {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("first and max must not be negative");
        }
        if (max == 0) {
            return List.of();
        }
        return em().createNamedQuery(StaffAuditEntity.FIND_RECENT_BY_REALM, StaffAuditEntity.class)
                .setParameter("realmId", realm.getId())
                .setFirstResult(first)
                .setMaxResults(Math.min(max, MAX_PAGE))
                .getResultStream()
                .map(StaffAuditTrail::entry)
                .toList();
    }

    /** The newest {@code max} ({@value #MAX_PAGE} at most) lines of {@code action} about one resident. */
    public List<StaffAuditEntry> aboutResident(RealmModel realm, String residentId, StaffAction action, int max) {
        return em().createNamedQuery(StaffAuditEntity.FIND_RECENT_ABOUT_RESIDENT, StaffAuditEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("residentId", residentId)
                .setParameter("action", action.name())
                .setMaxResults(Math.min(max, MAX_PAGE))
                .getResultStream()
                .map(StaffAuditTrail::entry)
                .toList();
    }

    static StaffAuditEntry entry(StaffAuditEntity line) {
        return new StaffAuditEntry(line.getId(), Instant.ofEpochMilli(line.getOccurredAt()),
                StaffAction.valueOf(line.getAction()), line.getStaffId(), line.getStaffUsername(), line.getBranch(),
                line.getResidentId(), StaffActionOutcome.valueOf(line.getOutcome()), line.getDetail());
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
