package hk.smartid.idp.passkey;

import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegister;
import org.keycloak.models.KeycloakSession;

/** Registers {@link PasskeyRegistration} as the required action {@value #PROVIDER_ID}. */
public class PasskeyRegistrationFactory extends WebAuthnPasswordlessRegisterFactory {

    public static final String PROVIDER_ID = "smartid-passkey-register";

    @Override
    protected WebAuthnRegister createProvider(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        return new PasskeyRegistration(session, trustVerifier);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "SmartID passkey registration (one passkey, one account)";
    }
}
