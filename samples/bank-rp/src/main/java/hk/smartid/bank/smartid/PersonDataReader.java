package hk.smartid.bank.smartid;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWEDecryptionKeySelector;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens SmartID's person-data answer (docs/banking-made-easy.md): a JWE encrypted to the bank's encryption key
 * around a JWS signed by SmartID. Each check stops a different attack:
 * <ul>
 *   <li>it must be encrypted ({@code RSA-OAEP-256}/{@code A256GCM}) to our key: nobody on the way read it;</li>
 *   <li>the inner signature must verify against the realm's JWKS ({@code ES256}): SmartID wrote it, unchanged;</li>
 *   <li>{@code iss} is SmartID and {@code aud} is this bank: not an answer meant for another bank;</li>
 *   <li>{@code exp} has not passed: not an old answer replayed;</li>
 *   <li>{@code sub} is the person who just logged in: not somebody else's data.</li>
 * </ul>
 */
public final class PersonDataReader {

    private final RSAKey encryptionKey;
    private final JWKSource<SecurityContext> realmKeys;
    private final String issuer;
    private final String clientId;

    /**
     * @param encryptionKey the bank's encryption key (private part included)
     * @param realmKeys     SmartID's signing keys, from the realm's {@code jwks_uri}
     */
    public PersonDataReader(RSAKey encryptionKey, JWKSource<SecurityContext> realmKeys, String issuer, String clientId) {
        this.encryptionKey = encryptionKey;
        this.realmKeys = realmKeys;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    public ReleasedPerson read(String compactJwe, String expectedSubject) throws SmartIdFailure {
        EncryptedJWT encrypted;
        try {
            // Parsing as a JWE first refuses a bare signed answer: the data must never travel readable.
            encrypted = EncryptedJWT.parse(compactJwe.trim());
        } catch (ParseException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Person data is not an encrypted JWT", e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWEKeySelector(new JWEDecryptionKeySelector<>(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM,
                new ImmutableJWKSet<>(new JWKSet(encryptionKey))));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, realmKeys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer).subject(expectedSubject).build(),
                Set.of("iat", "exp", "jti", "person")));
        JWTClaimsSet claims;
        try {
            // The outer header says cty=JWT, so the processor verifies the inner JWS after decrypting.
            claims = processor.process(encrypted, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Person data failed a check: " + e.getMessage(), e);
        }
        try {
            return new ReleasedPerson(claims.getJWTID(), claims.getStringClaim("assurance_level"),
                    values(claims.getJSONObjectClaim("person")));
        } catch (ParseException | ClassCastException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Person data claims malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks SmartID's receipt of the answer's log entry (header {@code SmartID-Disclosure-Receipt}): signed by
     * SmartID ({@code ES256}, realm JWKS), of type {@code disclosure-receipt+jwt}, naming this disclosure. Whoever holds
     * it can prove the disclosure to an auditor should SmartID's log ever lose it.
     */
    public String checkReceipt(String receipt, String disclosureId) throws SmartIdFailure {
        if (receipt == null || receipt.isBlank()) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "Person data came without a receipt of its log entry");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("disclosure-receipt+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, realmKeys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().claim("disclosure_id", disclosureId).build(),
                Set.of("log_id", "leaf_hash", "timestamp", "mmd")));
        try {
            processor.process(receipt.trim(), null);
            return receipt.trim();
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new SmartIdFailure(SmartIdFailure.Kind.UNTRUSTED, "The receipt failed a check: " + e.getMessage(), e);
        }
    }

    /** Flattens {@code person: {claim: {value, verified}}}; the English name is an object of two parts. */
    private static Map<String, ReleasedPerson.Value> values(Map<String, Object> person) {
        Map<String, ReleasedPerson.Value> values = new LinkedHashMap<>();
        person.forEach((claim, released) -> {
            Map<?, ?> item = (Map<?, ?>) released;
            boolean verified = Boolean.TRUE.equals(item.get("verified"));
            if (item.get("value") instanceof Map<?, ?> parts) {
                parts.forEach((part, text) -> values.put(claim + "." + part,
                        new ReleasedPerson.Value(String.valueOf(text), verified)));
            } else if (item.get("value") != null) {
                values.put(claim, new ReleasedPerson.Value(String.valueOf(item.get("value")), verified));
            }
        });
        return values;
    }
}
