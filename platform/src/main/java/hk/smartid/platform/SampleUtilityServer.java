package hk.smartid.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sample utility (samples/utility-rp, a Spring Boot executable jar) in a process of its own, registered with
 * SmartID as a login-only business on its first start.
 */
final class SampleUtilityServer {

    static final String CLIENT_ID = "sample-utility";
    /** The address registration.json is written for; the platform's utility may listen elsewhere (tests). */
    private static final String DEVELOPMENT_URL = "http://localhost:8320";
    /** Where Spring Boot's executable jar keeps the application's own resources. */
    private static final String REGISTRATION_ENTRY = "BOOT-INF/classes/registration.json";

    private final PlatformSettings settings;
    private final BankOnboarding onboarding;
    private Process process;

    SampleUtilityServer(PlatformSettings settings, PlatformSecrets secrets) {
        this.settings = settings;
        this.onboarding = new BankOnboarding(settings, secrets);
    }

    void checkPorts() {
        LocalPorts.requireFree(settings.utilityPort(), "the sample utility");
    }

    private Path jar() {
        return settings.artifacts().resolve("smartid-sample-utility.jar");
    }

    private Path log() {
        return settings.logs().resolve("utility.log");
    }

    void start() {
        process = ServerProcess.start(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar().toString(),
                        "--server.port=" + settings.utilityPort(),
                        "--smartid.issuer=" + settings.realmUrl(),
                        "--spring.security.oauth2.client.registration.smartid.client-id=" + CLIENT_ID,
                        "--utility.data-dir=" + settings.varDir().resolve("utility")),
                Map.of(), log());
        pidFile().write(process.pid());
        Readiness.awaitOk("The sample utility", settings.utilityUrl().resolve("/jwks.json"), Duration.ofMinutes(2),
                process::isAlive, log());
    }

    /** Registers the utility unless SmartID already knows it, once it serves its JWKS. */
    String register() {
        return onboarding.registerSample(CLIENT_ID, jar(), REGISTRATION_ENTRY, DEVELOPMENT_URL, settings.utilityUrl(),
                "the utility runs, but cannot log anyone in");
    }

    ServerWatch.Server watched() {
        return new ServerWatch.Server("The sample utility", process.toHandle(), log());
    }

    void stop() {
        ServerProcess.stop(process);
        process = null;
        pidFile().delete();
    }

    /** Stops a utility that an earlier launcher started (./run.sh stop). */
    void stopStarted() {
        pidFile().stopRecorded();
    }

    private PidFile pidFile() {
        return new PidFile(settings.varDir().resolve("run/utility.pid"));
    }
}
