package hk.smartid.idp;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm as imported from config/ into a real Keycloak with our providers. */
@ExtendWith(RunningPlatform.class)
class SmartIdRealmIT {

    private final Platform platform;
    private final KeycloakAdmin admin;

    SmartIdRealmIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
    }

    @Test
    void shouldPublishDiscoveryWithPkceAndLogout() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(platform.settings().realmUrl()));

        assertThat(metadata.getIssuer().getValue()).isEqualTo(platform.settings().realmUrl().toString());
        assertThat(metadata.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
        assertThat(metadata.getEndSessionEndpointURI()).isNotNull();
        assertThat(metadata.getAuthorizationEndpointURI()).isNotNull();
    }

    @Test
    void shouldUsePasskeyFirstBrowserFlowWithoutPasswords() throws Exception {
        Map<String, Object> realm = admin.object("");
        assertThat(realm.get("browserFlow")).isEqualTo("smartid passkey browser");
        assertThat(realm.get("registrationFlow")).isEqualTo("smartid passkey registration");
        assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
        assertThat(realm.get("eventsEnabled")).isEqualTo(true);
        assertThat(realm.get("adminEventsEnabled")).isEqualTo(true);
        assertThat(realm.get("webAuthnPolicyPasswordlessRequireResidentKey")).isEqualTo("Yes");
        assertThat(realm.get("webAuthnPolicyPasswordlessUserVerificationRequirement")).isEqualTo("required");

        assertThat(providers("/authentication/flows/smartid%20passkey%20browser/executions"))
                .containsExactly("auth-cookie", "smartid-activation-code", "webauthn-authenticator-passwordless");
        assertThat(providers("/authentication/flows/smartid%20passkey%20registration/executions"))
                .contains("registration-page-form", "registration-user-creation")
                .doesNotContain("registration-password-action");
    }

    @Test
    void shouldMakeEveryNewAccountRegisterAPasskeyAndOfferNoPasswordAction() throws Exception {
        List<Object> actions = admin.array("/authentication/required-actions");
        assertThat(actions).anySatisfy(action -> {
            Map<?, ?> a = (Map<?, ?>) action;
            assertThat(a.get("alias")).isEqualTo("smartid-passkey-register");
            assertThat(a.get("defaultAction")).isEqualTo(true);
        });
        // Keycloak's own passkey registration would skip the one-passkey-one-account check.
        assertThat(actions.stream().map(action -> String.valueOf(((Map<?, ?>) action).get("alias"))).toList())
                .doesNotContain("UPDATE_PASSWORD", "webauthn-register-passwordless", "webauthn-register");
    }

    @Test
    void shouldDefineTheRolesAndTheAssuranceLevels() throws Exception {
        assertThat(admin.array("/roles").stream().map(role -> (Object) ((Map<?, ?>) role).get("name")).toList())
                .contains("resident", "counter-staff", "officer", "auditor");
        Map<?, ?> attributes = (Map<?, ?>) admin.object("").get("attributes");
        assertThat((String) attributes.get("acr.loa.map")).contains("\"loa-basic\"", "\"loa-verified\"");
    }

    @Nested
    class PasswordsAreRefused {

        private final String username = "pw-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        private final Secret password = new Secret("Correct-Horse-Battery-9");

        PasswordsAreRefused() throws Exception {
            // Even a resident an administrator gave a password cannot use it anywhere.
            admin.post("/users", """
                    {"username": "%s", "firstName": "Password Holder", "enabled": true,
                     "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                    """.formatted(username, password.getValue()));
        }

        @Test
        void shouldRefusePasswordGrantToThePortal() throws Exception {
            TokenResponse response = passwordGrant(new ClientSecretBasic(new ClientID("portal"),
                    new Secret(platform.secrets().portalClientSecret())));
            assertThat(response.indicatesSuccess()).isFalse();
            assertThat(response.toErrorResponse().getErrorObject()).isEqualTo(OAuth2Error.UNAUTHORIZED_CLIENT);
        }

        @Test
        void shouldRefusePasswordGrantToTheRealmsAdminCli() throws Exception {
            TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint(), new ClientID("admin-cli"),
                    new ResourceOwnerPasswordCredentialsGrant(username, password)).toHTTPRequest().send());
            assertThat(response.indicatesSuccess()).isFalse();
            assertThat(response.toErrorResponse().getErrorObject().getCode())
                    .isIn(OAuth2Error.UNAUTHORIZED_CLIENT.getCode(), OAuth2Error.INVALID_CLIENT.getCode());
        }

        private TokenResponse passwordGrant(ClientSecretBasic client) throws Exception {
            return TokenResponse.parse(new TokenRequest(tokenEndpoint(), client,
                    new ResourceOwnerPasswordCredentialsGrant(username, password)).toHTTPRequest().send());
        }

        private URI tokenEndpoint() {
            return URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/token");
        }
    }

    private List<Object> providers(String executionsPath) throws Exception {
        return admin.array(executionsPath).stream()
                .map(execution -> ((Map<?, ?>) execution).get("providerId"))
                .filter(provider -> provider != null)
                .map(Object.class::cast)
                .toList();
    }

}
