package hk.smartid.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's watch over its servers, on real processes: the one that dies is named with the end of its log. */
class ServerWatchTest {

    @Test
    void shouldNameTheServerThatStoppedWithTheLastLinesOfItsLog(@TempDir Path logs) throws Exception {
        Path idpLog = logs.resolve("keycloak.log");
        Path bankLog = logs.resolve("bank.log");
        Files.write(idpLog, List.of("Keycloak started"));
        Files.write(bankLog, IntStream.rangeClosed(1, 30).mapToObj(i -> "bank line " + i).toList());
        Process idp = new ProcessBuilder("sleep", "120").start();
        Process bank = new ProcessBuilder("sleep", "120").start();
        try {
            ServerWatch.Server watchedBank = new ServerWatch.Server("The sample bank", bank.toHandle(), bankLog);
            Thread killer = new Thread(() -> {
                sleepQuietly();
                bank.destroyForcibly();
            });
            killer.start();

            ServerWatch.Stopped stopped = ServerWatch.firstToStop(List.of(
                    new ServerWatch.Server("Keycloak (the IdP)", idp.toHandle(), idpLog), watchedBank));

            assertThat(stopped.server()).isEqualTo(watchedBank);
            assertThat(stopped.lastLines()).hasSize(ServerWatch.LOG_LINES).endsWith("bank line 30")
                    .startsWith("bank line 11");
            assertThat(stopped.describe()).startsWith("The sample bank stopped (process " + bank.pid() + ")")
                    .contains(bankLog.toString()).contains("\n  bank line 30");
            assertThat(idp.isAlive()).isTrue();
        } finally {
            idp.destroyForcibly();
            bank.destroyForcibly();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
