package hk.smartid.chatbot.answer;

import hk.smartid.chatbot.language.Language;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The short memory of each conversation, in this process only (never in a database): the service the last
 * answer was about, so that a follow-up ("how much is it?") is about it, and the last few turns, redacted.
 * Bounded: at most {@code capacity} conversations (the least recently used goes first) and each forgotten
 * {@code retention} after its last message.
 */
public final class Conversations {

    /** Turns kept per conversation. */
    static final int TURNS = 10;

    private final int capacity;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, State> states;

    public Conversations(int capacity, Duration retention, Clock clock) {
        if (capacity < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Conversations need a capacity of at least 1 and a positive retention,"
                    + " not " + capacity + " and " + retention);
        }
        this.capacity = capacity;
        this.retention = retention;
        this.clock = clock;
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > Conversations.this.capacity;
            }
        };
    }

    /** A question and its answer, the question already redacted. */
    public record Turn(String question, String answer, String serviceId) {
    }

    private static final class State {
        String serviceId;
        Language language;
        Instant last;
        final Deque<Turn> turns = new ArrayDeque<>();
    }

    synchronized Optional<String> currentService(String conversation) {
        State state = live(conversation);
        return state == null ? Optional.empty() : Optional.ofNullable(state.serviceId);
    }

    synchronized void record(String conversation, Language language, Turn turn) {
        if (conversation == null) {
            return;
        }
        State state = live(conversation);
        if (state == null) {
            state = new State();
            states.put(conversation, state);
        }
        if (turn.serviceId() != null) {
            state.serviceId = turn.serviceId();
        }
        state.language = language;
        state.last = clock.instant();
        state.turns.addLast(turn);
        while (state.turns.size() > TURNS) {
            state.turns.removeFirst();
        }
    }

    /** The turns kept of a conversation, oldest first (what a transcript would hold). */
    public synchronized List<Turn> transcript(String conversation) {
        State state = live(conversation);
        return state == null ? List.of() : List.copyOf(state.turns);
    }

    public synchronized void forget(String conversation) {
        states.remove(conversation);
    }

    private State live(String conversation) {
        if (conversation == null) {
            return null;
        }
        State state = states.get(conversation);
        if (state != null && state.last.plus(retention).isBefore(clock.instant())) {
            states.remove(conversation);
            return null;
        }
        return state;
    }
}
