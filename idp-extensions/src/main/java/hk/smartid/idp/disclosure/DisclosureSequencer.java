package hk.smartid.idp.disclosure;

import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

import java.time.Clock;

/**
 * Runs the disclosure log's sequencer ({@link DisclosureLog#sequence}) on every Keycloak node, in a transaction of
 * its own (Keycloak's scheduled task runner); the database lock on the sequencer's row makes the nodes take turns,
 * so each tree head is built by one node.
 */
public final class DisclosureSequencer implements ScheduledTask {

    public static final String TASK_NAME = "smartid-disclosure-sequencer";
    /** How often a node looks for pending entries: the longest a new entry waits for its signed head, unloaded. */
    public static final long INTERVAL_MILLIS = 500;

    private final Clock clock;

    public DisclosureSequencer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run(KeycloakSession session) {
        LogKeys.of(session).ifPresent(keys -> new DisclosureLog(session).sequence(keys, clock.instant()));
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
