package hk.smartid.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command with its output appended to a log file under var/logs. */
final class ServerProcess {

    private ServerProcess() {
    }

    static Process start(List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new PlatformStartException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion; a non-zero exit is a start failure naming the log. */
    static void run(List<String> command, Map<String, String> environment, Path log, long timeoutSeconds) {
        Process process = start(command, environment, log);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PlatformStartException(String.join(" ", command) + " took longer than "
                        + timeoutSeconds + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PlatformStartException("Interrupted: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new PlatformStartException(String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "); see " + log);
        }
    }

    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
