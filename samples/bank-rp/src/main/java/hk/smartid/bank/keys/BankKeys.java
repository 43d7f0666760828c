package hk.smartid.bank.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;

/**
 * The bank's three keys, made on first start and kept (owner-readable only) in a directory of their own:
 * <ul>
 *   <li>signing: RSA, signs the client assertions ({@code private_key_jwt}) that prove the bank is the bank;</li>
 *   <li>encryption: RSA, SmartID encrypts the person data to it, so only the bank can read what is released;</li>
 *   <li>DPoP: EC P-256, binds the access token to this bank, so a stolen token is useless elsewhere.</li>
 * </ul>
 * The first two are published in the bank's JWKS; the DPoP key never is (each proof carries its public part).
 */
public final class BankKeys {

    private final RSAKey signing;
    private final RSAKey encryption;
    private final ECKey dpop;

    private BankKeys(RSAKey signing, RSAKey encryption, ECKey dpop) {
        this.signing = signing;
        this.encryption = encryption;
        this.dpop = dpop;
    }

    /** Reads the keys from {@code directory}, making any that are missing. */
    public static BankKeys inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            RSAKey signing = keep(directory.resolve("signing.jwk.json"), new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256)).toRSAKey();
            RSAKey encryption = keep(directory.resolve("encryption.jwk.json"), new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA_OAEP_256)).toRSAKey();
            ECKey dpop = keep(directory.resolve("dpop.jwk.json"), new ECKeyGenerator(Curve.P_256)
                    .algorithm(JWSAlgorithm.ES256)).toECKey();
            return new BankKeys(signing, encryption, dpop);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the bank's keys in " + directory, e);
        }
    }

    private static JWK keep(Path file, JWKGenerator<? extends JWK> generator) throws IOException {
        try {
            if (Files.exists(file)) {
                return JWK.parse(Files.readString(file));
            }
            JWK key = generator.keyIDFromThumbprint(true).generate();
            Files.writeString(file, key.toJSONString());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (ParseException | JOSEException e) {
            throw new IOException("Unusable key in " + file + ": " + e.getMessage(), e);
        }
    }

    public RSAKey signing() {
        return signing;
    }

    public RSAKey encryption() {
        return encryption;
    }

    public ECKey dpop() {
        return dpop;
    }

    /** What {@code /jwks.json} serves: the public halves of the signing and encryption keys. */
    public JWKSet publicJwks() {
        return new JWKSet(List.of(signing, encryption)).toPublicJWKSet();
    }
}
