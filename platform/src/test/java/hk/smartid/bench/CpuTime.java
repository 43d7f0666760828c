package hk.smartid.bench;

import hk.smartid.platform.Platform;

import java.lang.management.ManagementFactory;
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

    private static long nanos(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new AssertionError("The system does not tell the CPU time of " + process.pid())).toNanos();
    }

    /** The 1-minute load average: on a shared machine part of every figure. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
