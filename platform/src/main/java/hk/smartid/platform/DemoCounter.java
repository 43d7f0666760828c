package hk.smartid.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The demo counter for {@code ./run.sh}: a counter terminal (a client whose service account holds
 * {@code counter-staff}) and a demo staff member, so that a developer can try the staff console. The
 * staff member gets a fresh activation code at every start until they have bound a passkey.
 * Every start repairs what an earlier one left half done (a crash between creating the terminal and granting
 * its role, a secret regenerated under var/): it creates what is missing and grants what is missing.
 * Development only: production never creates it.
 */
final class DemoCounter {

    static final String STAFF_HKID = "A123456(3)";
    static final String STAFF_BIRTH = "1980-01-01";
    static final String TERMINAL = "demo-counter-terminal";
    static final String STAFF_ROLE = "counter-staff";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final PlatformSettings settings;
    private final PlatformSecrets secrets;
    private final Keycloak admin;

    DemoCounter(PlatformSettings settings, PlatformSecrets secrets, Keycloak admin) {
        this.settings = settings;
        this.secrets = secrets;
        this.admin = admin;
    }

    /** What to tell the developer; never throws: a failure is one line saying what is wrong, the platform runs on. */
    String describe() {
        try {
            return prepare();
        } catch (IOException | RuntimeException e) {
            return "The demo counter staff could not be prepared (" + reason(e) + "); the platform runs without them.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The demo counter staff could not be prepared (interrupted); the platform runs without them.";
        }
    }

    /** The IdP's answer when there was one (the admin client wraps a refused token in a ProcessingException). */
    private static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refused) {
                return "the IdP answered " + refused.getResponse().getStatus() + " "
                        + refused.getResponse().getStatusInfo().getReasonPhrase();
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** How to activate the demo staff member, or that they already can log in. */
    String prepare() throws IOException, InterruptedException {
        RealmResource realm = admin.realm(Realm.NAME);
        String terminalSecret = secrets.demoTerminalSecret();
        ClientResource terminal = terminal(realm, terminalSecret);
        grantStaffRole(realm, terminal.getServiceAccountUser().getId());
        String token = TokenEndpoint.clientCredentials(settings, TERMINAL, terminalSecret);

        HttpResponse<String> found = send("GET", enrolmentApi("?hkid=" + TokenEndpoint.formValue(STAFF_HKID)), token, null);
        String code;
        if (found.statusCode() == 404) {
            JsonNode issued = expect(201, send("POST", enrolmentApi(""), token, JSON.writeValueAsString(Map.of(
                    "hkidNumber", STAFF_HKID, "surname", "Demo", "givenNames", "Counter Staff", "dateOfBirth", STAFF_BIRTH,
                    "gender", "X", "mobileNumber", "91234567", "preferredLanguage", "en"))));
            code = issued.path("activationCode").asText();
            grantStaffRole(realm, issued.path("residentId").asText());
        } else {
            String staffId = expect(200, found).path("id").asText();
            grantStaffRole(realm, staffId);
            if (realm.users().get(staffId).credentials().stream().anyMatch(c -> "webauthn".equals(c.getType()))) {
                return "Demo counter staff: already activated on your device; log in with that passkey and open "
                        + settings.portalUrl() + "/staff/index";
            }
            code = expect(201, send("POST", enrolmentApi("/" + staffId + "/activation-code"), token, ""))
                    .path("activationCode").asText();
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

    /** The terminal client, created if missing and set back to the secret under var/ and a service account if changed. */
    private static ClientResource terminal(RealmResource realm, String secret) throws IOException {
        List<ClientRepresentation> found = realm.clients().findByClientId(TERMINAL);
        if (found.isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(TERMINAL);
            client.setName("Demo counter terminal (development only)");
            client.setSecret(secret);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            try (Response created = realm.clients().create(client)) {
                if (created.getStatus() != 201) {
                    throw new IOException("creating " + TERMINAL + " answered " + created.getStatus());
                }
            }
            found = realm.clients().findByClientId(TERMINAL);
        }
        ClientRepresentation client = found.get(0);
        ClientResource resource = realm.clients().get(client.getId());
        if (!Boolean.TRUE.equals(client.isServiceAccountsEnabled()) || !secret.equals(resource.getSecret().getValue())) {
            client.setServiceAccountsEnabled(true);
            client.setSecret(secret);
            resource.update(client);
        }
        return resource;
    }

    private static void grantStaffRole(RealmResource realm, String userId) {
        var roles = realm.users().get(userId).roles().realmLevel();
        if (roles.listAll().stream().noneMatch(role -> STAFF_ROLE.equals(role.getName()))) {
            RoleRepresentation role = realm.roles().get(STAFF_ROLE).toRepresentation();
            roles.add(List.of(role));
        }
    }

    private URI enrolmentApi(String rest) {
        return URI.create(settings.realmUrl() + "/enrolment/residents" + rest);
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, URI uri, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
