package hk.smartid.idp.enrolment;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The salted PBKDF2 hash stored in place of an {@link ActivationCode}: whoever reads the table cannot
 * activate someone else's account with what they read.
 *
 * <p>{@value #ITERATIONS} iterations of PBKDF2WithHmacSHA256 take a few milliseconds: enough to make
 * each offline guess cost something, cheap enough for the at most five online tries a code gets. A code
 * lives for days, not years, so the hash does not have to hold out as long as a password hash. Changing
 * the iteration count turns codes already handed out into {@code WRONG}: re-issue them.
 *
 * <p>Salt and hash are kept Base64 encoded, as they are stored.
 */
public record ActivationCodeHash(String salt, String hash) {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 10_000;
    public static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    public ActivationCodeHash {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
    }

    /** Hashes {@code code} with a fresh random salt. */
    public static ActivationCodeHash of(ActivationCode code, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new ActivationCodeHash(encode(salt), encode(derive(code, salt)));
    }

    /** Whether {@code code} is the code this hash was made from; compares in constant time. */
    public boolean matches(ActivationCode code) {
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = derive(code, Base64.getDecoder().decode(salt));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(ActivationCode code, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(code.value().toCharArray(), salt, ITERATIONS, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime has this algorithm; reaching here means a broken JCA set-up.
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
