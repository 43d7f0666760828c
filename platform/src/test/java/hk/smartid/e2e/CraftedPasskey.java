package hk.smartid.e2e;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A passkey whose registration answer the test writes itself with WebAuthn4J, as a misbehaving client
 * could, so that the same credential can be offered to two accounts (a real authenticator never
 * repeats a credential id).
 */
final class CraftedPasskey {

    private static final Pattern CHALLENGE = Pattern.compile("challenge\\s*:\\s*\"([^\"]+)\"");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] credentialId;
    private final KeyPair keyPair;

    private CraftedPasskey(byte[] credentialId, KeyPair keyPair) {
        this.credentialId = credentialId;
        this.keyPair = keyPair;
    }

    static CraftedPasskey generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] id = new byte[32];
        new SecureRandom().nextBytes(id);
        return new CraftedPasskey(id, generator.generateKeyPair());
    }

    /**
     * On Keycloak's passkey registration page, posts what navigator.credentials.create() would have
     * answered: a "none" attestation of this credential, user present and verified, for the page's challenge.
     */
    void answerRegistration(ResidentBrowser browser, String idpOrigin) throws Exception {
        Matcher challenge = CHALLENGE.matcher(browser.driver.getPageSource());
        if (!challenge.find()) {
            throw new AssertionError("No WebAuthn challenge on " + browser.url());
        }
        String clientData = """
                {"type":"webauthn.create","challenge":"%s","origin":"%s","crossOrigin":false}"""
                .formatted(challenge.group(1), idpOrigin);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = new AuthenticatorData<>(
                MessageDigest.getInstance("SHA-256").digest("localhost".getBytes(StandardCharsets.UTF_8)),
                (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT), 0,
                new AttestedCredentialData(AAGUID.ZERO, credentialId,
                        EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), COSEAlgorithmIdentifier.ES256)));
        byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));

        browser.driver.executeScript("""
                        document.getElementById('clientDataJSON').value = arguments[0];
                        document.getElementById('attestationObject').value = arguments[1];
                        document.getElementById('publicKeyCredentialId').value = arguments[2];
                        document.getElementById('authenticatorLabel').value = 'Crafted passkey';
                        document.getElementById('transports').value = 'internal';
                        document.getElementById('register').submit();""",
                BASE64URL.encodeToString(clientData.getBytes(StandardCharsets.UTF_8)),
                BASE64URL.encodeToString(attestation), BASE64URL.encodeToString(credentialId));
    }
}
