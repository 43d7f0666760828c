package hk.smartid.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

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

    /**
     * Registers a sample relying party unless SmartID already knows it, from the registration.json shipped in its jar
     * (at {@code entry}), written for {@code developmentUrl} and rewritten for the address it listens on here. Runs once
     * the sample serves its JWKS, so SmartID can fetch it. A failure does not stop the platform (the rest works
     * without the sample); the answer says what happened, and {@code withoutIt} what the sample cannot do then.
     */
    String registerSample(String clientId, Path jar, String entry, String developmentUrl, URI url, String withoutIt) {
        try {
            if (isRegistered(clientId)) {
                return "already registered with SmartID";
            }
            return register(registrationIn(jar, entry).replace(developmentUrl, url.toString())).describe();
        } catch (IOException | RuntimeException e) {
            return "NOT registered with SmartID: " + e.getMessage() + " (" + withoutIt + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "NOT registered with SmartID: interrupted";
        }
    }

    private static String registrationIn(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry found = file.getEntry(entry);
            if (found == null) {
                throw new IOException(entry + " is missing from " + jar.getFileName());
            }
            try (InputStream in = file.getInputStream(found)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
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
