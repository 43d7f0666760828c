package hk.smartid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The production shape's database: Debian's PostgreSQL running a database cluster of our own under
 * var/cluster/postgres (made by initdb on the first start), on loopback only, never a system database. Keycloak and
 * the portal each have their database in it, owned by the user {@link #USER} whose password is generated into
 * var/secrets. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user, who owns the files.
 */
final class PostgresServer {

    static final String USER = "smartid";
    static final String KEYCLOAK_DATABASE = "keycloak";
    static final String PORTAL_DATABASE = "portal";
    private static final String SYSTEM_USER = "postgres";

    private final ClusterLayout layout;
    private final PlatformSecrets secrets;
    private final Path bin;
    private Process process;

    PostgresServer(ClusterLayout layout, PlatformSecrets secrets) {
        this.layout = layout;
        this.secrets = secrets;
        this.bin = installation();
    }

    /** Debian's newest installed PostgreSQL ({@code /usr/lib/postgresql/<major>/bin}). */
    private static Path installation() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("postgres")))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new PlatformStartException("PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/postgres). "
                    + "Install it with: sudo apt-get install -y postgresql haproxy");
        }
    }

    void checkPorts() {
        LocalPorts.requireFree(layout.postgresPort(), "PostgreSQL");
    }

    private Path home() {
        return layout.dir().resolve("postgres");
    }

    private Path data() {
        return home().resolve("data");
    }

    private Path log() {
        return layout.settings().logs().resolve("postgres.log");
    }

    void start() {
        try {
            Files.createDirectories(home());
            if (!Files.exists(data().resolve("PG_VERSION"))) {
                initialise();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create PostgreSQL's database cluster in " + data(), e);
        }
        process = ServerProcess.start(asServerUser(List.of(bin.resolve("postgres").toString(), "-D", data().toString(),
                        "-p", Integer.toString(layout.postgresPort()), "-c", "listen_addresses=127.0.0.1",
                        "-c", "unix_socket_directories=", "-c", "max_connections=200")),
                Map.of(), log());
        awaitReady();
        createDatabases();
    }

    /** initdb: a fresh database cluster whose superuser is {@link #USER}, with password authentication over TCP. */
    private void initialise() throws IOException {
        Distribution.deleteRecursively(data());
        Path passwordFile = home().resolve("initdb-password");
        Files.writeString(passwordFile, secrets.clusterDatabasePassword());
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        try {
            if (runningAsRoot()) {
                UserPrincipal postgres = home().getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SYSTEM_USER);
                Files.setOwner(home(), postgres);
                Files.setOwner(passwordFile, postgres);
            }
            ServerProcess.run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data().toString(),
                    "-U", USER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C")),
                    Map.of(), log(), 120);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            if (!process.isAlive()) {
                throw new PlatformStartException("PostgreSQL stopped while starting; see " + log());
            }
            try {
                ServerProcess.run(List.of(bin.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1",
                        "-p", Integer.toString(layout.postgresPort())), Map.of(), log(), 10);
                return;
            } catch (PlatformStartException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new PlatformStartException("PostgreSQL did not accept connections within a minute; see " + log());
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartException("Interrupted while waiting for PostgreSQL");
            }
        }
    }

    /** Creates Keycloak's and the portal's databases unless an earlier start did (psql's \gexec runs only what is missing). */
    private void createDatabases() {
        String sql = Stream.of(KEYCLOAK_DATABASE, PORTAL_DATABASE)
                .map(name -> "SELECT 'CREATE DATABASE " + name + "' WHERE NOT EXISTS "
                        + "(SELECT FROM pg_database WHERE datname = '" + name + "')\\gexec\n")
                .reduce("", String::concat);
        Path script = home().resolve("create-databases.sql");
        try {
            Files.writeString(script, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerProcess.run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", Integer.toString(layout.postgresPort()), "-U", USER, "-d", "postgres",
                "-f", script.toString()), Map.of("PGPASSWORD", secrets.clusterDatabasePassword()), log(), 60);
    }

    /** The JDBC URL of one of the cluster's databases (user and password are given separately). */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/" + database;
    }

    ServerWatch.Server watched() {
        return new ServerWatch.Server("PostgreSQL", process.toHandle(), log());
    }

    /** Fast shutdown (open connections are ended), as an operator restarting the database would do. */
    void stop() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                ServerProcess.run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data().toString(),
                        "-m", "fast", "-w")), Map.of(), log(), 90);
            } catch (PlatformStartException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        ServerProcess.stop(process);
        process = null;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", SYSTEM_USER, "--"));
        asPostgres.addAll(command);
        return asPostgres;
    }
}
