package hk.smartid.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./run.sh}'s launcher as its own process, with run.sh's classpath, on ports of its own: it prepares the demo
 * counter, and when one of its servers dies it names that server with the end of its log, stops the others and
 * exits non-zero. Needs no shared platform; starts one of its own (var dir {@code it-platform-launcher}).
 */
class LauncherIT {

    /** Beside the shared test platform's: its bank listens on the IdP port + 100, so Payara moves by 300. */
    private static final int KEYCLOAK_PORT = Integer.getInteger("platform.keycloak-port", 28180) + 10;
    private static final int PAYARA_PORT_BASE = Integer.getInteger("platform.payara-port-base", 28000) + 300;

    @Test
    void shouldNameTheServerThatDiedAndExitNonZero() throws Exception {
        Path artifacts = Path.of(System.getProperty("platform.artifacts"));
        Path var = Path.of(System.getProperty("platform.var") + "-launcher");
        Files.createDirectories(var);
        Path output = var.resolve("launcher-output.txt");
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dplatform.keycloak-port=" + KEYCLOAK_PORT, "-Dplatform.payara-port-base=" + PAYARA_PORT_BASE,
                "-cp", artifacts.getParent().resolve("classes") + ":" + artifacts.resolve("launcher") + "/*",
                "hk.smartid.platform.PlatformLauncher", "start", artifacts.toString(), var.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        PlatformSettings settings = new PlatformSettings(artifacts, var, KEYCLOAK_PORT, PAYARA_PORT_BASE);
        try {
            awaitOutput(launcher, output, "Demo counter staff", Duration.ofMinutes(12));
            assertThat(read(output)).doesNotContain("Exception");
            ProcessHandle bank = ProcessHandle.of(Long.parseLong(
                    Files.readString(var.resolve("run/bank.pid")).trim())).orElseThrow();

            bank.destroyForcibly();

            assertThat(launcher.waitFor(4, TimeUnit.MINUTES)).as("the launcher noticed and ended").isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertThat(read(output)).contains("SmartID HK is not running any more: The sample bank stopped (process "
                    + bank.pid() + "). Last lines of " + settings.logs().resolve("bank.log"));
            assertThat(Files.exists(var.resolve("run/keycloak.pid"))).as("Keycloak stopped with the launcher").isFalse();
        } finally {
            if (launcher.isAlive()) {
                launcher.destroy();
                launcher.waitFor(3, TimeUnit.MINUTES);
            }
            new Platform(settings).stopStarted();
        }
    }

    private static void awaitOutput(Process launcher, Path output, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!read(output).contains(text)) {
            assertThat(launcher.isAlive()).as("launcher running; its output:\n%s", read(output)).isTrue();
            assertThat(Instant.now()).as("'%s' in the launcher's output:\n%s", text, read(output)).isBefore(deadline);
            Thread.sleep(1000);
        }
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
