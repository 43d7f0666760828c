package hk.smartid.idp.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import org.keycloak.common.crypto.CryptoIntegration;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus' ES256 signer and verifier on the Bouncy Castle provider Keycloak itself signs and verifies with. On JDK 17
 * the JDK's own P-256 takes about twice as long to sign and five times as long to verify, and every person-data
 * answer signs twice (the answer and its log receipt). A signing key is translated into Bouncy Castle's own key once:
 * given the JDK's key, Bouncy Castle rebuilds the curve's base point for every signature and with it the table of
 * multiples that makes its signing fast (most of a signature's time). Outside Keycloak (unit tests) the JDK's
 * provider is used.
 */
public final class Es256 {

    private static final Provider PROVIDER = keycloakBouncyCastle();
    /** The realm keys in use: a handful, replaced only when a key is rotated. */
    private static final int MAX_KEYS = 16;
    private static final Map<ECPrivateKey, PrivateKey> TRANSLATED = new ConcurrentHashMap<>();

    private Es256() {
    }

    public static ECDSASigner signer(ECPrivateKey key) throws JOSEException {
        ECDSASigner signer = new ECDSASigner(translated(key), Curve.P_256);
        signer.getJCAContext().setProvider(PROVIDER);
        return signer;
    }

    public static ECDSAVerifier verifier(ECPublicKey key) throws JOSEException {
        ECDSAVerifier verifier = new ECDSAVerifier(key);
        verifier.getJCAContext().setProvider(PROVIDER);
        return verifier;
    }

    private static PrivateKey translated(ECPrivateKey key) throws JOSEException {
        if (PROVIDER == null) {
            return key;
        }
        PrivateKey known = TRANSLATED.get(key);
        if (known != null) {
            return known;
        }
        try {
            PrivateKey translated = (PrivateKey) KeyFactory.getInstance("EC", PROVIDER).translateKey(key);
            if (TRANSLATED.size() >= MAX_KEYS) {
                TRANSLATED.clear();
            }
            TRANSLATED.put(key, translated);
            return translated;
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Cannot use the EC key with " + PROVIDER.getName(), e);
        }
    }

    private static Provider keycloakBouncyCastle() {
        try {
            return CryptoIntegration.getProvider().getBouncyCastleProvider();
        } catch (IllegalStateException notInitialised) {
            return null;
        }
    }
}
