package hk.smartid.idp.bank;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JWK set a bank or business registers inline (docs/banking-made-easy.md): public keys only, exactly one signing key
 * (RSA for PS256 or EC P-256 for ES256) and, for data sharing, one RSA encryption key for RSA-OAEP-256 (login only
 * needs none, and may give at most one). Nothing symmetric, nothing private.
 */
record BankKeySet(JWKSet publicKeys, JWSAlgorithm signingAlgorithm) {

    static final String FIELD = "jwks";

    /** The key set, or empty with each problem put in {@code problems} under the key's path ({@code jwks.keys[0].alg}). */
    static Optional<BankKeySet> check(Map<String, Object> json, Map<String, String> problems, boolean needsEncryptionKey) {
        if (!(json.get("keys") instanceof List<?> entries)) {
            problems.put(FIELD, "a JWK set: {\"keys\": [...]}");
            return Optional.empty();
        }
        int before = problems.size();
        List<JWK> keys = new ArrayList<>();
        JWSAlgorithm signingAlgorithm = null;
        int signing = 0;
        int encryption = 0;
        for (int i = 0; i < entries.size(); i++) {
            String path = FIELD + ".keys[" + i + "]";
            Object entry = entries.get(i);
            JWK key;
            try {
                key = JWK.parse(entry instanceof Map<?, ?> map ? stringKeyed(map) : Map.of());
            } catch (ParseException | RuntimeException e) {
                problems.put(path, "not a usable JSON Web Key (" + name(entry, i) + ")");
                continue;
            }
            String name = name(entry, i);
            if (KeyType.OCT.equals(key.getKeyType())) {
                // Checked first: Nimbus counts a symmetric key as private too, but its type is what is wrong.
                problems.put(path + ".kty", "a symmetric key (" + name + "): only RSA or EC public keys");
            } else if (key.isPrivate()) {
                problems.put(path, "holds private key material (" + name + "): register only the public key");
            } else if (KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                signing++;
                signingAlgorithm = signingAlgorithmOf(key, path, name, problems);
            } else if (KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
                encryption++;
                checkEncryptionKey(key, path, name, problems);
            }
            keys.add(key);
        }
        if (problems.size() == before && needsEncryptionKey && (signing != 1 || encryption != 1)) {
            problems.put(FIELD, "exactly one signing key (use sig) and one RSA encryption key (use enc)");
        } else if (problems.size() == before && (signing != 1 || encryption > 1)) {
            problems.put(FIELD, "exactly one signing key (use sig), and at most one RSA encryption key (use enc)");
        }
        return problems.size() == before ? Optional.of(new BankKeySet(new JWKSet(keys), signingAlgorithm)) : Optional.empty();
    }

    /** PS256 for an RSA key, ES256 for an EC P-256 key: what FAPI 2.0 allows for client assertions. */
    private static JWSAlgorithm signingAlgorithmOf(JWK key, String path, String name, Map<String, String> problems) {
        JWSAlgorithm algorithm = KeyType.RSA.equals(key.getKeyType()) ? JWSAlgorithm.PS256
                : key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()) ? JWSAlgorithm.ES256 : null;
        if (algorithm == null) {
            problems.put(path + ".kty", "a signing key must be RSA or EC on curve P-256 (" + name + ")");
        } else if (!allows(key.getAlgorithm(), algorithm)) {
            problems.put(path + ".alg", "only " + algorithm + " for this signing key (" + name + ")");
        }
        return algorithm;
    }

    private static void checkEncryptionKey(JWK key, String path, String name, Map<String, String> problems) {
        if (!KeyType.RSA.equals(key.getKeyType())) {
            problems.put(path + ".kty", "the encryption key must be RSA (" + name + ")");
        } else if (!allows(key.getAlgorithm(), JWEAlgorithm.RSA_OAEP_256)) {
            problems.put(path + ".alg", "only RSA-OAEP-256 for the encryption key (" + name + ")");
        }
    }

    /** A key that names no {@code alg} may be used with the one the contract allows. */
    private static boolean allows(Algorithm named, Algorithm allowed) {
        return named == null || allowed.getName().equals(named.getName());
    }

    /** How a refusal names a key: its {@code kid}, or its place in the set. */
    private static String name(Object entry, int index) {
        Object kid = entry instanceof Map<?, ?> map ? map.get("kid") : null;
        return kid == null ? "key " + index : "kid " + kid;
    }

    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((member, value) -> copy.put(Objects.toString(member), value));
        return copy;
    }

    /** The set as Keycloak stores it in {@code jwks.string}. */
    String json() {
        return publicKeys.toString(true);
    }
}
