package hk.smartid.idp.passkey;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.WebAuthnPasswordlessCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes the place of Keycloak's passkey credential provider (same id, higher {@link #order()}, as Keycloak's
 * provider overriding works) so that {@link PasskeyCredentialProvider} checks every passkey login.
 */
public class PasskeyCredentialProviderFactory extends WebAuthnPasswordlessCredentialProviderFactory {

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new PasskeyCredentialProvider(session, getMetadataService(), createOrGetObjectConverter());
    }

    @Override
    public int order() {
        return 1;
    }
}
