package hk.smartid.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code run.sh}: starts the platform in the foreground until Ctrl-C or until one of its servers stops (then it
 * names that server, shows the end of its log and exits 1), stops one left running, or registers a bank with the
 * running IdP.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 4 && args[0].equals("register-bank")) {
            registerBank(Path.of(args[1]), PlatformSettings.development(Path.of(args[2]).toAbsolutePath(),
                    Path.of(args[3]).toAbsolutePath()));
            return;
        }
        if (args.length == 5 && args[0].equals("seed")) {
            seed(args[1], args[2], PlatformSettings.development(Path.of(args[3]).toAbsolutePath(),
                    Path.of(args[4]).toAbsolutePath()));
            return;
        }
        if (args.length != 3 || !(args[0].equals("start") || args[0].equals("stop"))) {
            System.err.println("usage: PlatformLauncher start|stop <artifacts dir> <var dir>\n"
                    + "       PlatformLauncher register-bank <registration.json> <artifacts dir> <var dir>\n"
                    + "       PlatformLauncher seed <residents> <clients> <artifacts dir> <var dir>");
            System.exit(2);
        }
        PlatformSettings settings = PlatformSettings.development(Path.of(args[1]).toAbsolutePath(),
                Path.of(args[2]).toAbsolutePath());
        Platform platform = new Platform(settings);
        if (args[0].equals("stop")) {
            platform.stopStarted();
            System.out.println("SmartID HK stopped.");
            return;
        }
        // Set once Ctrl-C (or a stop the watch found) starts the shutdown: servers stopping then are expected.
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping SmartID HK ...");
            platform.close();
        }));
        List<ServerWatch.Server> servers;
        try {
            System.out.println("Starting SmartID HK (logs in " + settings.logs() + ") ...");
            platform.start();
            servers = platform.servers();
        } catch (PlatformStartException e) {
            System.err.println("SmartID HK could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(banner(platform));
        System.out.println(new DemoCounter(settings, platform.secrets(), platform.idpAdmin()).describe());
        ServerWatch.Stopped stopped = ServerWatch.firstToStop(servers);
        if (stopping.get()) {
            return;
        }
        System.err.println("\nSmartID HK is not running any more: " + stopped.describe());
        System.exit(1);
    }

    /** {@code ./run.sh register-bank}: onboards a bank with the IdP that {@code ./run.sh} runs. */
    private static void registerBank(Path registration, PlatformSettings settings) throws InterruptedException {
        String request;
        try {
            request = Files.readString(registration);
        } catch (IOException e) {
            System.err.println("Cannot read the registration request " + registration + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            BankOnboarding.Outcome outcome = new BankOnboarding(settings, new PlatformSecrets(settings.varDir()))
                    .register(request);
            System.out.println(outcome.describe());
            System.exit(outcome.registered() ? 0 : 1);
        } catch (IOException e) {
            System.err.println("The bank could not be registered: " + e.getMessage()
                    + ". Is SmartID running (./run.sh)?");
            System.exit(1);
        }
    }

    /** {@code ./run.sh seed <N>}: fills the running IdP's realm with N counter-verified synthetic residents. */
    private static void seed(String residents, String clients, PlatformSettings settings) throws InterruptedException {
        int count;
        int parallel;
        try {
            count = Integer.parseInt(residents);
            parallel = Integer.parseInt(clients);
        } catch (NumberFormatException e) {
            System.err.println("usage: ./run.sh seed <residents> [clients]   (whole numbers, e.g. ./run.sh seed 10000)");
            System.exit(2);
            return;
        }
        Platform platform = new Platform(settings);
        try {
            System.out.printf("Seeding %,d residents into %s ...%n", count, settings.realmUrl());
            ResidentSeeding.Outcome outcome = new ResidentSeeding(settings, platform.idpAdmin(), parallel,
                    ResidentSeeding.DEFAULT_BATCH).seed(count);
            System.out.printf("Seeded: %,d residents enrolled, %,d already enrolled, in %.0f s (%.0f enrolled/s).%n",
                    outcome.enrolled(), outcome.skipped(), outcome.took().toMillis() / 1000.0, outcome.enrolledPerSecond());
        } catch (IllegalArgumentException e) {
            System.err.println("./run.sh seed: " + e.getMessage());
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("Seeding stopped: " + e.getMessage() + ". Is SmartID running (./run.sh or ./run.sh cluster)?"
                    + " Run the same command again to go on: residents already enrolled are skipped.");
            System.exit(1);
        } finally {
            platform.idpAdmin().close();
        }
    }

    private static String banner(Platform platform) {
        PlatformSettings s = platform.settings();
        return """

                SmartID HK is running. Press Ctrl-C to stop (or run ./run.sh stop from another terminal).

                  Portal (residents)   %s/
                  E-services           %s/services/  (open data: %s/open-data/services.json and .csv)
                  Sample bank          %s/  ("Open an account with SmartID")
                  Sample utility       %s/  (a business's "Log in with SmartID", Spring Boot)
                  IdP (realm smartid)  %s/realms/smartid/.well-known/openid-configuration
                  Sandbox for business %s/realms/smartid-sandbox/.well-known/openid-configuration  (developer area: %s/developers/)
                  IdP administration   %s/admin/  user "%s", password in %s

                Demo accounts: SmartID logins are passkeys that live on your own device, so accounts are
                made by you. Residents: open the portal, "Log in with SmartID", then "Create an account"
                and register a passkey (your phone, Windows Hello, Touch ID; or Chrome DevTools > More
                tools > WebAuthn > "Enable virtual authenticator environment" to emulate one). A demo counter
                staff member and demo officers of the Transport and Social Welfare Departments (work queue:
                %s/officer/) and a demo approver of businesses' go-live requests are listed below with their
                activation codes.

                Logs: %s
                """.formatted(s.portalUrl(), s.portalUrl(), s.portalUrl(), s.bankUrl(), s.utilityUrl(), s.keycloakUrl(), s.keycloakUrl(), s.portalUrl(), s.keycloakUrl(), platform.keycloakAdminUsername(),
                s.varDir().resolve("secrets/keycloak-admin-password"), s.portalUrl(), s.logs());
    }
}
