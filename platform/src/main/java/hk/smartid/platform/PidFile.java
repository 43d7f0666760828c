package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a server's process id is kept under var/run, so that {@code ./run.sh stop} finds what an earlier run started. */
record PidFile(Path file) {

    void write(long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        file.toFile().delete();
    }

    /** Stops the recorded process and its children, if it still runs, and forgets it. */
    void stopRecorded() {
        read().flatMap(ProcessHandle::of).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroy);
            handle.destroy();
            handle.onExit().join();
        });
        delete();
    }

    private Optional<Long> read() {
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
