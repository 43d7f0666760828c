package hk.smartid.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's token endpoint, asked for an access token with a form-encoded grant (the launcher has no JSON library). */
final class TokenEndpoint {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private TokenEndpoint() {
    }

    static String accessToken(HttpClient http, URI endpoint, String grantForm) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(grantForm)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("SmartID does not answer at " + endpoint, e);
        }
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("No access token from " + endpoint + " (" + response.statusCode() + ")");
        }
        return token.group(1);
    }

    /** A value for a form-encoded body or a query string. */
    static String formValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
