package hk.smartid.platform;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Keycloak's token endpoint of the smartid realm, asked through the admin client's token manager. */
final class TokenEndpoint {

    private TokenEndpoint() {
    }

    /** An access token of a confidential client's service account (client-credentials grant). */
    static String clientCredentials(PlatformSettings settings, String clientId, String secret) throws IOException {
        try (Keycloak client = KeycloakBuilder.builder().serverUrl(settings.keycloakUrl().toString()).realm(Realm.NAME)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(secret).build()) {
            return client.tokenManager().getAccessTokenString();
        } catch (WebApplicationException e) {
            throw new IOException("No access token for " + clientId + " from " + settings.realmUrl() + " ("
                    + e.getResponse().getStatus() + ")", e);
        } catch (ProcessingException e) {
            throw new IOException("SmartID does not answer at " + settings.realmUrl(), e);
        }
    }

    /** A value for a query string. */
    static String formValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
