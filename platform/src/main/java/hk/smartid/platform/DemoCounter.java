package hk.smartid.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo counter for {@code ./run.sh}: a counter terminal (a client whose service account holds
 * {@code counter-staff}) and a demo staff member, so that a developer can try the staff console. The
 * staff member gets a fresh activation code at every start until they have bound a passkey.
 * Development only: the tests and production never create it.
 */
final class DemoCounter {

    static final String STAFF_HKID = "A123456(3)";
    static final String STAFF_BIRTH = "1980-01-01";
    private static final String TERMINAL = "demo-counter-terminal";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"activationCode\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final PlatformSettings settings;
    private final PlatformSecrets secrets;

    DemoCounter(PlatformSettings settings, PlatformSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** What to tell the developer: how to activate the demo staff member, or that they already can log in. */
    String prepare() throws IOException, InterruptedException {
        String admin = TokenEndpoint.accessToken(http, URI.create(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token"),
                "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USERNAME
                        + "&password=" + TokenEndpoint.formValue(secrets.keycloakAdminPassword()));
        String terminalSecret = secrets.demoTerminalSecret();
        if (first(ID, send("GET", adminApi("/clients?clientId=" + TERMINAL), admin, null, 200)).isEmpty()) {
            send("POST", adminApi("/clients"), admin, """
                    {"clientId": "%s", "name": "Demo counter terminal (development only)", "secret": "%s",
                     "publicClient": false, "serviceAccountsEnabled": true, "standardFlowEnabled": false}"""
                    .formatted(TERMINAL, terminalSecret), 201);
            String clientId = first(ID, send("GET", adminApi("/clients?clientId=" + TERMINAL), admin, null, 200))
                    .orElseThrow();
            String serviceAccount = first(ID, send("GET", adminApi("/clients/" + clientId + "/service-account-user"),
                    admin, null, 200)).orElseThrow();
            grantCounterStaff(admin, serviceAccount);
        }
        String terminal = TokenEndpoint.accessToken(http, URI.create(settings.realmUrl() + "/protocol/openid-connect/token"),
                "grant_type=client_credentials&client_id=" + TERMINAL + "&client_secret=" + TokenEndpoint.formValue(terminalSecret));

        HttpResponse<String> found = sendRaw("GET", URI.create(settings.realmUrl() + "/enrolment/residents?hkid="
                + TokenEndpoint.formValue(STAFF_HKID)), terminal, null);
        String code;
        if (found.statusCode() == 404) {
            String issued = send("POST", URI.create(settings.realmUrl() + "/enrolment/residents"), terminal, """
                    {"hkidNumber": "%s", "surname": "Demo", "givenNames": "Counter Staff", "dateOfBirth": "%s",
                     "gender": "X", "mobileNumber": "91234567", "preferredLanguage": "en"}"""
                    .formatted(STAFF_HKID, STAFF_BIRTH), 201);
            code = first(CODE, issued).orElseThrow();
            grantCounterStaff(admin, first(Pattern.compile("\"residentId\"\\s*:\\s*\"([^\"]+)\""), issued).orElseThrow());
        } else {
            String staffId = first(ID, found.body()).orElseThrow();
            if (send("GET", adminApi("/users/" + staffId + "/credentials"), admin, null, 200).contains("webauthn")) {
                return "Demo counter staff: already activated on your device; log in with that passkey and open "
                        + settings.portalUrl() + "/staff/index";
            }
            code = first(CODE, send("POST", URI.create(settings.realmUrl() + "/enrolment/residents/" + staffId
                    + "/activation-code"), terminal, "", 201)).orElseThrow();
        }
        return """
                Demo counter staff (development only): open %s/activate, then enter
                    HKID number %s, date of birth %s, activation code %s (valid 15 minutes;
                    a new one is printed at every start until the passkey is set up)
                  and register a passkey; the staff console is then at %s/staff/index
                  This verified identity can also open an account at the sample bank (%s/, Banking Made Easy)
                  and see what was shared under My data sharing (%s/data-sharing).""".formatted(
                settings.portalUrl(), STAFF_HKID, STAFF_BIRTH, code, settings.portalUrl(), settings.bankUrl(),
                settings.portalUrl());
    }

    private void grantCounterStaff(String admin, String userId) throws IOException, InterruptedException {
        String role = send("GET", adminApi("/roles/counter-staff"), admin, null, 200);
        send("POST", adminApi("/users/" + userId + "/role-mappings/realm"), admin, "[" + role + "]", 204);
    }

    private URI adminApi(String path) {
        return URI.create(settings.keycloakUrl() + "/admin/realms/" + Realm.NAME + path);
    }

    private String send(String method, URI uri, String bearer, String json, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = sendRaw(method, uri, bearer, json);
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> sendRaw(String method, URI uri, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
