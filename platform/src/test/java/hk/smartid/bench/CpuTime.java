package hk.smartid.bench;

import hk.smartid.platform.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * CPU time the servers' JVMs have used so far, and the machine's load: per request or flow, what it costs a server
 * whatever rates a shared machine allows (other loads still change it: on the development machine the portal's
 * service page took 3.0 to 4.3 ms).
 */
final class CpuTime {

    /** Linux reports thread CPU time in clock ticks: USER_HZ, 100 a second on the architectures Java runs on here. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** Payara's JVM, the portal. */
    static long portalNanos(Platform platform) {
        return nanos(platform.portalProcess());
    }

    /** Keycloak's launch script and its JVM, the IdP. */
    static long idpNanos(Platform platform) {
        return nanos(idpProcesses(platform));
    }

    static List<ProcessHandle> idpProcesses(Platform platform) {
        ProcessHandle script = platform.idpProcess();
        return Stream.concat(Stream.of(script), script.descendants()).toList();
    }

    /**
     * CPU time the JIT compiler threads of {@code processes} have used so far, from Linux's {@code /proc}; -1 where it
     * cannot be read. A JVM compiles its hot code in its first minutes: what it spends on that while one endpoint is
     * measured is charged to that endpoint, not to its steady state.
     */
    static long jitNanos(List<ProcessHandle> processes) {
        long ticks = 0;
        for (ProcessHandle process : processes) {
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            if (!Files.isDirectory(tasks)) {
                return -1;
            }
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    ticks += compilerTicks(thread);
                }
            } catch (IOException | UncheckedIOException e) {
                return -1;
            }
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    private static long compilerTicks(Path thread) {
        try {
            // HotSpot names them "C2 CompilerThread0" and "C1 CompilerThre..." (the kernel keeps 15 characters).
            String name = Files.readString(thread.resolve("comm"));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            // Fields 14 and 15 of stat (utime, stime), counted after the command's closing parenthesis.
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            // The thread ended between listing and reading (compiler threads come and go with the load).
            return 0;
        }
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
