package hk.smartid.idp;

import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.platform.Platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Calls the IdP's enrolment API as the staff console does, with the bearer token of a caller holding
 * (or lacking) the counter-staff role.
 */
public final class StaffConsoleClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI realm;
    private final URI api;
    private final String token;

    private StaffConsoleClient(Platform platform, String token) {
        this.realm = platform.settings().realmUrl();
        this.api = URI.create(realm + "/enrolment");
        this.token = token;
    }

    public static StaffConsoleClient forCounterStaff(Platform platform, String branch) throws Exception {
        return withRole(platform, "counter-staff", branch);
    }

    /** A caller with {@code realmRole}, or with no role at all when it is null (like a resident). */
    public static StaffConsoleClient withRole(Platform platform, String realmRole, String branch) throws Exception {
        return new StaffConsoleClient(platform,
                new KeycloakAdmin(platform).serviceAccount(realmRole, branch).accessToken(platform));
    }

    public static StaffConsoleClient withoutToken(Platform platform) {
        return new StaffConsoleClient(platform, null);
    }

    /** Enrols a resident (Chan Tai Man, with a random mobile number) and returns the activation code. */
    public String enrol(String hkid, String dateOfBirth) throws Exception {
        return enrol(hkid, dateOfBirth, "en");
    }

    /** As {@link #enrol(String, String)}, for a resident who asked the counter for {@code preferredLanguage}. */
    public String enrol(String hkid, String dateOfBirth, String preferredLanguage) throws Exception {
        HttpResponse<String> response = postEnrolment(enrolment(hkid, dateOfBirth, randomMobile(), preferredLanguage));
        if (response.statusCode() != 201) {
            throw new AssertionError("Enrolment answered " + response.statusCode() + ": " + response.body());
        }
        return (String) JSONObjectUtils.parse(response.body()).get("activationCode");
    }

    public HttpResponse<String> postEnrolment(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api + "/residents"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> findResident(String hkid) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api + "/residents?hkid="
                + URLEncoder.encode(hkid, StandardCharsets.UTF_8))).GET());
    }

    /** Verifies a self-registered account in person with the identity in {@code json}. */
    public HttpResponse<String> verifyExisting(String residentId, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api + "/residents/" + residentId + "/verification"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The resident id of an enrolled HKID number. */
    public String find(String hkid) throws Exception {
        HttpResponse<String> response = findResident(hkid);
        if (response.statusCode() != 200) {
            throw new AssertionError("Find answered " + response.statusCode() + ": " + response.body());
        }
        return (String) JSONObjectUtils.parse(response.body()).get("id");
    }

    /** A new activation code for a resident re-verified in person. */
    public String reissue(String residentId) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(api + "/residents/" + residentId + "/activation-code")).POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 201) {
            throw new AssertionError("Re-issue answered " + response.statusCode() + ": " + response.body());
        }
        return (String) JSONObjectUtils.parse(response.body()).get("activationCode");
    }

    /** The staff audit trail, newest first, as an auditor reads it. */
    public HttpResponse<String> auditTrail() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(realm + "/staff-audit?max=100")).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String enrolment(String hkid, String dateOfBirth, String mobile) {
        return enrolment(hkid, dateOfBirth, mobile, "en");
    }

    public static String enrolment(String hkid, String dateOfBirth, String mobile, String preferredLanguage) {
        return """
                {"hkidNumber": "%s", "surname": "Chan", "givenNames": "Tai Man", "chineseName": "陳大文",
                 "dateOfBirth": "%s", "gender": "M", "residentialAddress": "1 Queen's Road Central",
                 "mobileNumber": "%s", "preferredLanguage": "%s"}""".formatted(hkid, dateOfBirth, mobile, preferredLanguage);
    }

    private static final String NOT_X = "ABCDEFGHIJKLMNOPQRSTUVWYZ";

    /** A valid HKID number nobody else in this run has (two letters, six random digits). */
    public static String randomHkid() {
        // Never X first: the synthetic residents' numbers start with X (SyntheticResident), and ResidentSeedingIT
        // counts every number that does (a random XA number failed its count once in CI).
        String stem = "" + NOT_X.charAt(RANDOM.nextInt(NOT_X.length())) + (char) ('A' + RANDOM.nextInt(26)) + digits(6);
        return "0123456789A".chars().mapToObj(c -> stem + "(" + (char) c + ")")
                .filter(HkidNumber::isValid).findFirst().orElseThrow();
    }

    public static String randomMobile() {
        return "9" + digits(7);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
