package hk.smartid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Concurrent workers that each repeat one attempt (a request, a whole login) as soon as the last one ended, until a
 * deadline. Every attempt's latency is kept; one whose answer was not the expected one, or that threw, is counted as an
 * error. Several runs of the same kind add up, so kinds can take turns ({@link #run} again after another kind's).
 */
final class LoadRun {

    /** One attempt by {@code worker} (0-based), its {@code n}th (0-based); null when the answer was as expected, else what was wrong. */
    @FunctionalInterface
    interface Attempt {
        String run(int worker, int n) throws Exception;
    }

    private final Latencies latencies = new Latencies();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private double seconds;

    /** {@code workers} threads repeat {@code attempt} for {@code runSeconds}; adds to this run's figures. */
    LoadRun run(int workers, double runSeconds, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long end = start + (long) (runSeconds * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int worker = i;
            running.add(pool.submit(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    long t = System.nanoTime();
                    String wrong;
                    try {
                        wrong = attempt.run(worker, n);
                    } catch (Exception | AssertionError e) {
                        wrong = e.toString();
                    }
                    latencies.add(System.nanoTime() - t);
                    if (wrong != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, wrong.length() > 300 ? wrong.substring(0, 300) + "..." : wrong);
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
        seconds += (System.nanoTime() - start) / 1e9;
        return this;
    }

    Latencies latencies() {
        return latencies;
    }

    int count() {
        return latencies.count();
    }

    int errors() {
        return errors.get();
    }

    /** The first wrong answer's description, or null. */
    String firstError() {
        return firstError.get();
    }

    double seconds() {
        return seconds;
    }

    double perSecond() {
        return count() / seconds;
    }
}
