package hk.smartid.bench;

import hk.smartid.platform.Platform;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * CPU time the servers' JVMs have used so far, and the machine's load: per request or flow, what it costs a server
 * whatever rates a shared machine allows (other loads still change it: on the development machine the portal's
 * service page took 3.0 to 4.3 ms).
 */
final class CpuTime {

    private CpuTime() {
    }

    /** Payara's JVM, the portal. */
    static long portalNanos(Platform platform) {
        return nanos(platform.portalProcess());
    }

    /** Keycloak's launch script and its JVM, the IdP. */
    static long idpNanos(Platform platform) {
        ProcessHandle script = platform.idpProcess();
        return Stream.concat(Stream.of(script), script.descendants()).mapToLong(CpuTime::nanos).sum();
    }

    /** This JVM: the benchmark's clients, on the same cores as the servers. */
    static long clientNanos() {
        return nanos(ProcessHandle.current());
    }

    private static long nanos(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new AssertionError("The system does not tell the CPU time of " + process.pid())).toNanos();
    }

    /**
     * Waits (at most 5 minutes) until the portal uses less than a tenth of a core: after a start it builds its chatbot in
     * the background for minutes, which would share the cores with what is measured.
     */
    static void awaitPortalAtRest(Platform platform) throws InterruptedException {
        awaitAtRest("The portal", () -> portalNanos(platform));
    }

    /** As {@link #awaitPortalAtRest}, for processes whose CPU time so far {@code cpuNanos} tells (e.g. a cluster's portals). */
    static void awaitAtRest(String what, LongSupplier cpuNanos) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        long before = cpuNanos.getAsLong();
        while (System.nanoTime() < deadline) {
            Thread.sleep(5000);
            long now = cpuNanos.getAsLong();
            if (now - before < 500_000_000L) {
                return;
            }
            before = now;
        }
        System.out.println(what + " was still busy after 5 minutes; measuring anyway");
    }

    /** The CPU time {@code processes} have used so far. */
    static long nanos(List<ProcessHandle> processes) {
        return processes.stream().mapToLong(CpuTime::nanos).sum();
    }

    /** The 1-minute load average: on a shared machine part of every figure. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
