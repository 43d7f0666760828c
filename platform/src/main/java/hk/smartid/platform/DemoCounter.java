package hk.smartid.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo counter for {@code ./run.sh}: a counter terminal (a client whose service account holds
 * {@code counter-staff}), a demo staff member and demo officers of two departments (Transport, Social Welfare),
 * so that a developer can try the staff console and the officers' work queue. Each gets a fresh activation code
 * at every start until they have bound a passkey.
 * Every start repairs what an earlier one left half done (a crash between creating the terminal and granting
 * its role, a secret regenerated under var/): it creates what is missing and grants what is missing.
 * Development only: production never creates it.
 */
final class DemoCounter {

    static final String TERMINAL = "demo-counter-terminal";
    static final String STAFF_ROLE = "counter-staff";
    static final String OFFICER_ROLE = "officer";
    /** The account attribute naming an officer's department (a department id of the catalogue). */
    static final String DEPARTMENT_ATTRIBUTE = "department";
    static final DemoAccount STAFF = new DemoAccount("A123456(3)", "1980-01-01", "Demo", "Counter Staff", "91234567",
            STAFF_ROLE, null, null);
    /** Officers of two departments, each with only the officer role (and what every account has). */
    static final List<DemoAccount> OFFICERS = List.of(
            new DemoAccount("T123456(5)", "1982-02-02", "Demo", "Transport Officer", "91234568", OFFICER_ROLE, "TD",
                    "Transport Department"),
            new DemoAccount("S123456(2)", "1983-03-03", "Demo", "Welfare Officer", "91234569", OFFICER_ROLE, "SWD",
                    "Social Welfare Department"));
    /** Reviews businesses' requests to go live (the portal's /approvals/), with only the approver role. */
    static final DemoAccount APPROVER = new DemoAccount("R123456(A)", "1984-04-04", "Demo", "Integration Approver",
            "91234570", Realm.APPROVER_ROLE, null, null);
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

    /** How to activate the demo staff member and the demo officers, or that they already can log in. */
    String prepare() throws IOException, InterruptedException {
        RealmResource realm = admin.realm(Realm.NAME);
        String terminalSecret = secrets.demoTerminalSecret();
        ClientResource terminal = ServiceAccountClient.ensure(realm, TERMINAL, "Demo counter terminal (development only)",
                terminalSecret);
        ServiceAccountClient.grantRole(realm, terminal.getServiceAccountUser().getId(), STAFF_ROLE);
        String token = TokenEndpoint.clientCredentials(settings, TERMINAL, terminalSecret);

        StringBuilder text = new StringBuilder();
        Optional<String> staffCode = prepare(realm, token, STAFF);
        text.append(staffCode.map(code -> """
                Demo counter staff (development only): open %s/activate, then enter
                    HKID number %s, date of birth %s, activation code %s (valid 15 minutes;
                    a new one is printed at every start until the passkey is set up)
                  and register a passkey; the staff console is then at %s/staff/index
                  This verified identity can also open an account at the sample bank (%s/, Banking Made Easy)
                  and see what was shared under My data sharing (%s/data-sharing).""".formatted(
                settings.portalUrl(), STAFF.hkid(), STAFF.birth(), code, settings.portalUrl(), settings.bankUrl(),
                settings.portalUrl())).orElse("Demo counter staff: already activated on your device; log in with that passkey"
                + " and open " + settings.portalUrl() + "/staff/index"));
        for (DemoAccount officer : OFFICERS) {
            Optional<String> code = prepare(realm, token, officer);
            text.append("\n").append(code.map(c -> """
                    Demo officer of %s (%s, development only): at %s/activate enter HKID number %s,
                      date of birth %s, activation code %s; the work queue is then at %s/officer/""".formatted(
                    officer.department(), officer.departmentName(), settings.portalUrl(), officer.hkid(), officer.birth(),
                    c, settings.portalUrl()))
                    .orElse("Demo officer of " + officer.department() + " (" + officer.departmentName() + "): already"
                            + " activated on your device; log in with that passkey and open " + settings.portalUrl()
                            + "/officer/"));
        }
        Optional<String> approverCode = prepare(realm, token, APPROVER);
        text.append("\n").append(approverCode.map(c -> """
                Demo integration approver (development only): at %s/activate enter HKID number %s,
                  date of birth %s, activation code %s; pending go-live requests are then at %s/approvals/""".formatted(
                settings.portalUrl(), APPROVER.hkid(), APPROVER.birth(), c, settings.portalUrl()))
                .orElse("Demo integration approver: already activated on your device; log in with that passkey and open "
                        + settings.portalUrl() + "/approvals/"));
        return text.toString();
    }

    /**
     * Enrols the account through the counter's own API (as a real counter would) if it is missing, puts back its
     * role and department, and answers a fresh activation code while it has no passkey.
     */
    private Optional<String> prepare(RealmResource realm, String token, DemoAccount account)
            throws IOException, InterruptedException {
        HttpResponse<String> found = send("GET", enrolmentApi("?hkid=" + TokenEndpoint.formValue(account.hkid())), token, null);
        if (found.statusCode() == 404) {
            JsonNode issued = expect(201, send("POST", enrolmentApi(""), token, JSON.writeValueAsString(Map.of(
                    "hkidNumber", account.hkid(), "surname", account.surname(), "givenNames", account.givenNames(),
                    "dateOfBirth", account.birth(), "gender", "X", "mobileNumber", account.mobile(),
                    "preferredLanguage", "en"))));
            grantRoleAndDepartment(realm, issued.path("residentId").asText(), account);
            return Optional.of(issued.path("activationCode").asText());
        }
        String userId = expect(200, found).path("id").asText();
        grantRoleAndDepartment(realm, userId, account);
        if (realm.users().get(userId).credentials().stream().anyMatch(c -> "webauthn".equals(c.getType()))) {
            return Optional.empty();
        }
        return Optional.of(expect(201, send("POST", enrolmentApi("/" + userId + "/activation-code"), token, ""))
                .path("activationCode").asText());
    }

    private static void grantRoleAndDepartment(RealmResource realm, String userId, DemoAccount account) {
        ServiceAccountClient.grantRole(realm, userId, account.role());
        if (account.department() != null) {
            UserResource user = realm.users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            Map<String, List<String>> attributes = new HashMap<>(Objects.requireNonNullElse(representation.getAttributes(), Map.of()));
            if (!List.of(account.department()).equals(attributes.get(DEPARTMENT_ATTRIBUTE))) {
                attributes.put(DEPARTMENT_ATTRIBUTE, List.of(account.department()));
                representation.setAttributes(attributes);
                user.update(representation);
            }
        }
    }

    private URI enrolmentApi(String rest) {
        return URI.create(settings.realmUrl() + "/enrolment/residents" + rest);
    }

    /** A demo account: what its HKID card says, its mobile, its one staff role and (officers) its department. */
    record DemoAccount(String hkid, String birth, String surname, String givenNames, String mobile, String role,
                       String department, String departmentName) {
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
