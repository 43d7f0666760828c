package hk.smartid.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The sample bank (samples/bank-rp) in a process of its own, registered with SmartID on its first start. */
final class SampleBankServer {

    static final String CLIENT_ID = "sample-bank";
    /** The address registration.json is written for; the platform's bank may listen elsewhere (tests). */
    private static final String DEVELOPMENT_URL = "http://localhost:8280";

    private final PlatformSettings settings;
    private final BankOnboarding onboarding;
    private final PlatformSecrets secrets;
    private Process process;

    SampleBankServer(PlatformSettings settings, PlatformSecrets secrets) {
        this.settings = settings;
        this.onboarding = new BankOnboarding(settings, secrets);
        this.secrets = secrets;
    }

    void checkPorts() {
        LocalPorts.requireFree(settings.bankPort(), "the sample bank");
    }

    private Path libraries() {
        return settings.artifacts().resolve("bank");
    }

    void start() {
        Path log = settings.logs().resolve("bank.log");
        process = ServerProcess.start(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", libraries().resolve("*").toString(),
                        "hk.smartid.bank.SampleBank",
                        "--issuer=" + settings.realmUrl(),
                        "--port=" + settings.bankPort(),
                        "--client-id=" + CLIENT_ID,
                        "--keys=" + settings.varDir().resolve("bank"),
                        "--base-url=" + settings.bankUrl(),
                        "--portal-url=" + settings.portalUrl()),
                // In the environment, not on the command line that any local user can list: the bank plays the
                // payment provider and signs payment notifications to the portal with this secret.
                Map.of("BANK_PAYMENT_SECRET", secrets.paymentProviderSecret()), log);
        pidFile().write(process.pid());
        Readiness.awaitOk("The sample bank", settings.bankUrl().resolve("/jwks.json"), Duration.ofMinutes(1),
                process::isAlive, log);
    }

    /** Registers the bank unless SmartID already knows it, once it serves its JWKS. */
    String register() {
        return onboarding.registerSample(CLIENT_ID, libraries().resolve("smartid-sample-bank.jar"),
                "hk/smartid/bank/registration.json", DEVELOPMENT_URL, settings.bankUrl(),
                "the bank runs, but cannot open accounts");
    }

    ServerWatch.Server watched() {
        return new ServerWatch.Server("The sample bank", process.toHandle(), settings.logs().resolve("bank.log"));
    }

    void stop() {
        ServerProcess.stop(process);
        process = null;
        pidFile().delete();
    }

    /** Stops a bank that an earlier launcher started (./run.sh stop). */
    void stopStarted() {
        pidFile().stopRecorded();
    }

    private PidFile pidFile() {
        return new PidFile(settings.varDir().resolve("run/bank.pid"));
    }
}
