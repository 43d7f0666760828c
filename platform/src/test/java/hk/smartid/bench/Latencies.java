package hk.smartid.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies collected by a benchmark, and the BENCHMARK lines they are reported in. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    /** The percentile in milliseconds (100 = the maximum). */
    double percentile(int percentile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }

    static void report(String format, Object... values) {
        System.out.println("BENCHMARK " + format.formatted(values));
    }
}
