package hk.smartid.bench;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.platform.Platform;
import hk.smartid.platform.Realm;
import hk.smartid.platform.RunningPlatform;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 12's figures: logins per second. In one run, with the same threads taking turns on the same Keycloak:
 * (a) the passkey login through the portal ({@code /login}, the IdP's login page, the assertion, the code back to the
 * portal, the portal's session, the dashboard), (b) the passkey login at the IdP alone (authorization code flow with
 * PKCE for a confidential client of the benchmark's, code redeemed), and (c) Keycloak's stock password login, the same
 * code flow on a plain realm the benchmark creates (users with Keycloak's default password hashing). Every flow is a new
 * browser (no cookies): the passkey or password is needed each time. Passkey answers are written by
 * {@link BrowserlessResident}, whose residents registered through the portal and the IdP's registration. Prints
 * BENCHMARK lines (flows/s, p50/p95/p99, errors, each server's CPU per flow, the ratios (a)/(c) and (b)/(c)); asserts
 * nothing about speed. {@code -Dbench.jfr=<directory>} then profiles (a) once more with JDK Flight Recorder in Keycloak
 * and in Payara ({@code keycloak-passkey-login.jfr}, {@code payara-passkey-login.jfr}).
 * {@code ./mvnw -B verify -pl platform -am -Pbenchmark -Dit.test=LoginBenchmark}
 */
@ExtendWith(RunningPlatform.class)
class LoginBenchmark {

    static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** Each variant's seconds are cut into this many turns, so that a change in the machine's load falls on all three. */
    private static final int TURNS = Integer.getInteger("bench.turns", 4);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 5);
    private static final String JFR_DIRECTORY = System.getProperty("bench.jfr");
    static final String PASSWORD_REALM = "login-bench-password";
    /** Nothing listens there: the flow ends at the redirect carrying the code, as a browser would leave for the client. */
    private static final URI CLIENT_CALLBACK = URI.create("http://127.0.0.1:9/login-bench/callback");

    private final Platform platform;

    LoginBenchmark(Platform platform) {
        this.platform = platform;
    }

    @Test
    void passkeyLoginsThroughThePortalAndAtTheIdpBesideKeycloaksPasswordLogin() throws Exception {
        double loadBefore = CpuTime.loadAverage();
        List<PortalResident> residents = PortalResident.register(platform, THREADS, "Login Bench");
        CodeFlowClient passkeyClient = codeFlowClient(Realm.NAME);
        List<PasswordUser> passwordUsers = passwordRealm();
        CodeFlowClient passwordClient = codeFlowClient(PASSWORD_REALM);

        List<Variant> variants = List.of(
                new Variant("(a) passkey login through the portal (/login, IdP login page, assertion, code to the portal,"
                        + " portal session, dashboard 200)", (worker, n) -> residents.get(worker).logIn(platform)),
                new Variant("(b) passkey login at the IdP alone (code flow with PKCE, confidential client, code redeemed)",
                        (worker, n) -> idpLogin(residents.get(worker).browser(), passkeyClient)),
                new Variant("(c) Keycloak's stock password login (same code flow, plain realm, default hashing)",
                        (worker, n) -> passwordLogin(passwordUsers.get(worker), passwordClient)));

        CpuTime.awaitPortalAtRest(platform);
        for (Variant variant : variants) {
            new LoadRun().run(THREADS, WARM_UP_SECONDS, variant.attempt());
        }
        System.out.printf("measuring logins from %s%n", Instant.now());
        for (int turn = 0; turn < TURNS; turn++) {
            for (Variant variant : variants) {
                variant.measure();
            }
        }
        Latencies.report("logins: %d threads, %d s per variant in %d turns taking turns after %d s of warm-up each;"
                        + " %d cores shared by the clients, the servers and anything else running; 1-minute load average"
                        + " %.2f before the set-up, %.2f at the end",
                THREADS, SECONDS, TURNS, WARM_UP_SECONDS, Runtime.getRuntime().availableProcessors(), loadBefore,
                CpuTime.loadAverage());
        for (Variant variant : variants) {
            variant.report();
        }
        double password = variants.get(2).outcome().perSecond();
        Latencies.report("logins: ratio (a)/(c) %.2f, (b)/(c) %.2f (goal: at least 3 and 5)",
                variants.get(0).outcome().perSecond() / password, variants.get(1).outcome().perSecond() / password);
        // On a machine others load too, the rates follow the share of the cores each turn got; CPU per flow much less.
        double passwordCpu = variants.get(2).cpuPerFlowMillis();
        Latencies.report("logins: ratio of CPU per flow (Keycloak + Payara + clients) (c)/(a) %.2f, (c)/(b) %.2f",
                passwordCpu / variants.get(0).cpuPerFlowMillis(), passwordCpu / variants.get(1).cpuPerFlowMillis());

        if (JFR_DIRECTORY != null) {
            profile(variants.get(0), Path.of(JFR_DIRECTORY));
        }
    }


    /** (b): a new browser logs in at the IdP with the passkey; the client redeems the code. */
    private String idpLogin(BrowserlessResident browser, CodeFlowClient client) throws Exception {
        browser.forgetSessions();
        CodeFlowClient.Authorization authorization = client.authorization(platform);
        return authorization.redeem(platform, browser.openAuthorization(authorization.uri()));
    }

    /** (c): a new browser logs in at the password realm with username and password; the client redeems the code. */
    String passwordLogin(PasswordUser user, CodeFlowClient client) throws Exception {
        user.browser().forgetSessions();
        CodeFlowClient.Authorization authorization = client.authorization(platform);
        BrowserlessResident.Page login = user.browser().get(authorization.uri());
        return authorization.redeem(platform, login.submit("kc-form-login",
                Map.of("username", user.username(), "password", user.password(), "credentialId", "")));
    }

    /** A confidential client of the benchmark's for the authorization code flow (PKCE S256) in {@code realm}. */
    CodeFlowClient codeFlowClient(String realm) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("login-bench");
        client.setSecret(UUID.randomUUID().toString());
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRedirectUris(List.of(CLIENT_CALLBACK.toString()));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        try (Response created = platform.idpAdmin().realm(realm).clients().create(client)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("Could not create the benchmark's client in " + realm + ": " + created.getStatus());
            }
        }
        return new CodeFlowClient(realm, client.getClientId(), client.getSecret());
    }

    /**
     * A plain realm as Keycloak makes it (its stock login theme, its default password hashing), with one user per
     * thread.
     */
    List<PasswordUser> passwordRealm() throws Exception {
        if (platform.idpAdmin().realms().findAll().stream().anyMatch(realm -> realm.getRealm().equals(PASSWORD_REALM))) {
            platform.idpAdmin().realm(PASSWORD_REALM).remove();
        }
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(PASSWORD_REALM);
        realm.setEnabled(true);
        List<UserRepresentation> users = new ArrayList<>();
        List<PasswordUser> passwordUsers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(UUID.randomUUID().toString());
            password.setTemporary(false);
            UserRepresentation user = new UserRepresentation();
            // A complete profile, so that Keycloak asks for nothing after the password.
            user.setUsername("password-user-" + i);
            user.setEmail("password-user-" + i + "@example.hk");
            user.setEmailVerified(true);
            user.setFirstName("Password");
            user.setLastName("User " + i);
            user.setEnabled(true);
            user.setCredentials(List.of(password));
            users.add(user);
            passwordUsers.add(new PasswordUser(new BrowserlessResident(platform), user.getUsername(), password.getValue()));
        }
        realm.setUsers(users);
        platform.idpAdmin().realms().create(realm);
        return passwordUsers;
    }

    /** Runs {@code variant} once more with JDK Flight Recorder recording in Keycloak's and Payara's JVMs. */
    private void profile(Variant variant, Path directory) throws Exception {
        Files.createDirectories(directory);
        Map<String, ProcessHandle> jvms = new LinkedHashMap<>();
        jvms.put("keycloak", javaOf(platform.idpProcess()));
        jvms.put("payara", platform.portalProcess());
        for (Map.Entry<String, ProcessHandle> jvm : jvms.entrySet()) {
            jcmd(jvm.getValue(), "JFR.start", "name=login-bench", "settings=profile",
                    "filename=" + directory.toAbsolutePath().resolve(jvm.getKey() + "-passkey-login.jfr"));
        }
        System.out.printf("profiling %s from %s%n", variant.name(), Instant.now());
        LoadRun profiled = new LoadRun().run(THREADS, SECONDS, variant.attempt());
        for (ProcessHandle jvm : jvms.values()) {
            jcmd(jvm, "JFR.stop", "name=login-bench");
        }
        Latencies.report("logins profiled: %s: %.1f flows/s with JFR recording, %d errors; recordings in %s",
                variant.name(), profiled.perSecond(), profiled.errors(), directory.toAbsolutePath());
    }

    /** Keycloak's JVM: the launch script's java child (or the script itself, had it exec'ed java). */
    private static ProcessHandle javaOf(ProcessHandle script) {
        return Stream.concat(Stream.of(script), script.descendants())
                .filter(process -> process.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("No java process under Keycloak's " + script.pid()));
    }

    private static void jcmd(ProcessHandle jvm, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(jvm.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).inheritIO().start();
        if (jcmd.waitFor() != 0) {
            throw new AssertionError(String.join(" ", line) + " failed");
        }
    }

    record PasswordUser(BrowserlessResident browser, String username, String password) {
    }

    /** One kind of login, its measured turns adding up, with the CPU time each server spent in them. */
    private final class Variant {
        private final String name;
        private final LoadRun.Attempt attempt;
        private final LoadRun outcome = new LoadRun();
        private long idpCpuNanos;
        private long portalCpuNanos;
        private long clientCpuNanos;

        Variant(String name, LoadRun.Attempt attempt) {
            this.name = name;
            this.attempt = attempt;
        }

        String name() {
            return name;
        }

        LoadRun.Attempt attempt() {
            return attempt;
        }

        LoadRun outcome() {
            return outcome;
        }

        void measure() throws Exception {
            long idp = CpuTime.idpNanos(platform);
            long portal = CpuTime.portalNanos(platform);
            long client = CpuTime.clientNanos();
            outcome.run(THREADS, (double) SECONDS / TURNS, attempt);
            clientCpuNanos += CpuTime.clientNanos() - client;
            idpCpuNanos += CpuTime.idpNanos(platform) - idp;
            portalCpuNanos += CpuTime.portalNanos(platform) - portal;
        }

        double cpuPerFlowMillis() {
            return (idpCpuNanos + portalCpuNanos + clientCpuNanos) / 1e6 / outcome.count();
        }

        void report() {
            Latencies latencies = outcome.latencies();
            Latencies.report("logins %s: %d flows, %d errors, %.1f flows/s; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms;"
                            + " CPU per flow: Keycloak %.1f ms, Payara %.1f ms, the benchmark's clients %.1f ms%s",
                    name, outcome.count(), outcome.errors(), outcome.perSecond(), latencies.percentile(50),
                    latencies.percentile(95), latencies.percentile(99), idpCpuNanos / 1e6 / outcome.count(),
                    portalCpuNanos / 1e6 / outcome.count(), clientCpuNanos / 1e6 / outcome.count(),
                    outcome.firstError() == null ? "" : "; first error: " + outcome.firstError());
        }
    }

    /** The benchmark's client: starts authorization requests (state, nonce, PKCE) and redeems their codes. */
    record CodeFlowClient(String realm, String id, String secret) {

        Authorization authorization(Platform platform) {
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), new ClientID(id),
                    CLIENT_CALLBACK)
                    .endpointURI(realmUrl(platform).resolve(realmUrl(platform).getPath() + "/protocol/openid-connect/auth"))
                    .state(state).nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build().toURI();
            return new Authorization(this, uri, state, verifier);
        }

        URI realmUrl(Platform platform) {
            return URI.create(platform.settings().keycloakUrl() + "/realms/" + realm);
        }

        record Authorization(CodeFlowClient client, URI uri, State state, CodeVerifier verifier) {

            /** Null when the IdP's answer carried a code that the token endpoint exchanged for an ID token, else why not. */
            String redeem(Platform platform, BrowserlessResident.Page answer) throws Exception {
                if (answer.status() != 302) {
                    return answer.status() + " at " + answer.uri() + " instead of the redirect to the client";
                }
                AuthorizationResponse response = AuthorizationResponse.parse(answer.location());
                if (!state.equals(response.getState()) || !response.indicatesSuccess()) {
                    return "no code for this state in " + answer.location();
                }
                TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(
                        URI.create(client.realmUrl(platform) + "/protocol/openid-connect/token"),
                        new ClientSecretBasic(new ClientID(client.id()), new Secret(client.secret())),
                        new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(), CLIENT_CALLBACK,
                                verifier)).toHTTPRequest().send());
                if (!tokens.indicatesSuccess()) {
                    return "token endpoint: " + tokens.toErrorResponse().getErrorObject();
                }
                return ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken() == null
                        ? "no ID token" : null;
            }
        }
    }
}
