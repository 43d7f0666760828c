package hk.smartid.idp.disclosure;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Commits the disclosure log's new entries in groups, one node's worth at a time: each person-data answer hands its
 * entry over and waits until the transaction holding it has committed, so an answer still leaves only once its entry
 * is durable, but the answers that arrive while one commit is under way share the next one (a group commit, as
 * databases do for their own logs). A commit per answer, in a session of its own, was a sixth of an answer's work.
 * A group that cannot be committed is tried again entry by entry, so one bad entry fails only its own answer.
 */
public final class DisclosureWriter implements AutoCloseable {

    /** The most entries one transaction writes. */
    static final int MAX_GROUP = 200;
    /** How long an answer waits for its entry's commit before it is refused (the entry may still be written). */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DisclosureWriter.class);

    private final Consumer<List<Disclosure>> commit;
    private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Append(Disclosure entry, CompletableFuture<Disclosure> committed) {
    }

    /** Writes into the database of {@code factory}, each group in a transaction of its own. */
    public DisclosureWriter(KeycloakSessionFactory factory) {
        this(entries -> KeycloakModelUtils.runJobInTransaction(factory, session -> {
            DisclosureLog log = new DisclosureLog(session);
            entries.forEach(log::append);
        }));
    }

    /** Writes with {@code commit}, which must commit every entry it is given, or none and throw. */
    DisclosureWriter(Consumer<List<Disclosure>> commit) {
        this.commit = commit;
        // A thread of its own rather than a pooled one: it waits on the queue for the node's whole life.
        this.thread = new Thread(this::writeGroups, "smartid-disclosure-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Appends {@code entry} to the log and returns once it is committed.
     *
     * @throws IllegalStateException when it could not be committed (or not within {@link #MAX_WAIT}); the answer
     *                               must then not leave
     */
    public Disclosure append(Disclosure entry) {
        if (closed) {
            throw new IllegalStateException("The disclosure log's writer is closed");
        }
        Append append = new Append(entry, new CompletableFuture<>());
        queue.add(append);
        try {
            return append.committed().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The disclosure could not be logged", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The disclosure log did not commit in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while logging the disclosure", e);
        }
    }

    private void writeGroups() {
        List<Append> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Append first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                closed = true;
            } catch (RuntimeException | Error e) {
                // Never leave an answer waiting: whatever went wrong, its caller hears of it.
                group.forEach(append -> append.committed().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        queue.forEach(append -> append.committed().completeExceptionally(new IllegalStateException("shut down")));
    }

    private void write(List<Append> group) {
        try {
            commit.accept(group.stream().map(Append::entry).toList());
            group.forEach(append -> append.committed().complete(append.entry()));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).committed().completeExceptionally(groupFailed);
                return;
            }
            LOG.warnf("A group of %d disclosure entries could not be committed (%s); writing them one by one",
                    group.size(), groupFailed.toString());
            for (Append append : group) {
                try {
                    commit.accept(List.of(append.entry()));
                    append.committed().complete(append.entry());
                } catch (RuntimeException failed) {
                    append.committed().completeExceptionally(failed);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(MAX_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
