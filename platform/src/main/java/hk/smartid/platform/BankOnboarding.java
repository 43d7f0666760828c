package hk.smartid.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Registers a bank with SmartID through the onboarding API (docs/banking-made-easy.md): a client-credentials
 * token of the service account {@code smartid-onboarding}, then {@code POST /realms/smartid/relying-parties}.
 * {@code ./run.sh register-bank <registration.json>} wraps it; the platform uses it for the sample bank.
 */
public final class BankOnboarding {

    static final String CLIENT_ID = "smartid-onboarding";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final PlatformSettings settings;
    private final PlatformSecrets secrets;

    public BankOnboarding(PlatformSettings settings, PlatformSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** What SmartID answered to a registration, in words for the person who ran the command. */
    public record Outcome(int status, String body) {

        public boolean registered() {
            return status == 201;
        }

        public String describe() {
            return switch (status) {
                case 201 -> "Registered: " + body;
                case 409 -> "Not registered: a client with this clientId already exists (409).";
                case 400 -> "Not registered: SmartID refused these fields (400):" + fieldErrors();
                default -> "Not registered: SmartID answered " + status + (body.isBlank() ? "" : ": " + body);
            };
        }

        private String fieldErrors() {
            JsonNode fields;
            try {
                fields = JSON.readTree(body).path("fields");
            } catch (JsonProcessingException e) {
                return " " + body;
            }
            if (!fields.isObject()) {
                return " " + body;
            }
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                lines.append("\n  ").append(field.getKey()).append(": ").append(field.getValue().asText());
            }
            return lines.toString();
        }
    }

    public Outcome register(String registrationJson) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(relyingParties(""))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(registrationJson)).build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(response.statusCode(), response.body());
    }

    /** {@code GET /relying-parties/{clientId}}: 200 registered, 404 not; anything else is a failure to find out. */
    public boolean isRegistered(String clientId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(relyingParties("/" + TokenEndpoint.formValue(clientId)))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new IOException("GET " + relyingParties("/" + clientId) + " answered " + response.statusCode());
        };
    }

    private String token() throws IOException {
        return TokenEndpoint.clientCredentials(settings, CLIENT_ID, secrets.onboardingClientSecret());
    }

    private URI relyingParties(String rest) {
        return URI.create(settings.realmUrl() + "/relying-parties" + rest);
    }
}
