package hk.smartid.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Watches the platform's servers for {@code ./run.sh}: the first one to stop (crashed, killed, or stopped by
 * {@code ./run.sh stop} elsewhere) is named with the last lines of its log, so a person or a supervisor sees it.
 */
final class ServerWatch {

    static final int LOG_LINES = 20;

    /** A server process and the log that says why it stopped. */
    record Server(String name, ProcessHandle process, Path log) {
    }

    /** The server that stopped, with the end of its log. */
    record Stopped(Server server, List<String> lastLines) {

        String describe() {
            StringBuilder text = new StringBuilder(server.name() + " stopped (process " + server.process().pid()
                    + "). Last lines of " + server.log() + ":");
            lastLines.forEach(line -> text.append("\n  ").append(line));
            return text.toString();
        }
    }

    private ServerWatch() {
    }

    /** Blocks until one of the servers stops and returns it. */
    static Stopped firstToStop(List<Server> servers) throws InterruptedException {
        CompletableFuture<?>[] exits = servers.stream()
                .map(server -> server.process().onExit().thenApply(process -> server))
                .toArray(CompletableFuture[]::new);
        try {
            Server stopped = (Server) CompletableFuture.anyOf(exits).get();
            return new Stopped(stopped, lastLines(stopped.log(), LOG_LINES));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot watch the servers", e.getCause());
        }
    }

    static List<String> lastLines(Path log, int count) {
        try {
            // Leniently decoded: a server may log bytes that are not UTF-8.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
