package hk.smartid.idp.persondata;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.jose.Es256;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The person-data answer a bank receives (docs/banking-made-easy.md): a JWS the IdP signs with the realm's
 * ES256 key (a fraction of RS256's signing cost, allowed by FAPI 2.0), inside a JWE only the bank's encryption key opens ({@code RSA-OAEP-256}, {@code A256GCM},
 * {@code cty: JWT}). Signed, so the bank can show a third party what the IdP asserted; encrypted, so identity
 * data is readable by that bank alone, whatever logs or proxies it passes through. Apart from HTTP, so that
 * it can be tested with keys of its own.
 */
public final class PersonDataResponse {

    /** How long the bank may treat the answer as fresh. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private PersonDataResponse() {
    }

    /**
     * What the resident consented to that this token may fetch: the consent's items that are also scopes of
     * the access token, in the order of {@link DataItem}. A bank that asked for fewer scopes than the consent
     * covers gets fewer items, never more.
     */
    public static List<DataItem> releasable(List<DataItem> consented, String tokenScope) {
        Set<String> scopes = Set.of(tokenScope == null || tokenScope.isBlank() ? new String[0] : tokenScope.trim().split("\\s+"));
        return Arrays.stream(DataItem.values())
                .filter(consented::contains)
                .filter(item -> scopes.contains(item.scope()))
                .toList();
    }

    /** The compact JWE for the bank. */
    public static String seal(PersonData data, Instant now, ECPrivateKey signingKey, String signingKid,
                              RSAPublicKey bankKey, String bankKid) {
        try {
            SignedJWT jws = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKid).type(JOSEObjectType.JWT).build(),
                    claims(data, now));
            jws.sign(Es256.signer(signingKey));
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                            .contentType("JWT").keyID(bankKid).build(),
                    new Payload(jws));
            jwe.encrypt(new RSAEncrypter(bankKey));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign or encrypt the person data for " + data.audience(), e);
        }
    }

    static JWTClaimsSet claims(PersonData data, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(data.issuer())
                .audience(data.audience())
                .subject(data.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .jwtID(data.disclosureId())
                .claim("purpose", data.purpose())
                .claim("assurance_level", data.assuranceLevel());
        Map<String, Object> verification = data.verification().asClaim();
        if (!verification.isEmpty()) {
            claims.claim("verification", verification);
        }
        Map<String, Object> person = new LinkedHashMap<>();
        data.values().forEach((item, value) -> {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("value", value);
            claim.put("verified", data.identityVerified() && item.checkedAtCounter());
            person.put(item.claim(), claim);
        });
        return claims.claim("person", person).build();
    }

    /**
     * What one answer asserts.
     *
     * @param subject          the {@code sub} of the access token (pairwise for banks)
     * @param disclosureId     the {@code jti}, also the disclosure log entry's id
     * @param identityVerified whether counter staff checked the identity; only then are counter-checked items
     *                         released as verified
     * @param values           the released items and their values, in the order to write them
     */
    public record PersonData(String issuer, String audience, String subject, String disclosureId, String purpose,
                             String assuranceLevel, boolean identityVerified, Verification verification,
                             Map<DataItem, Object> values) {

        public PersonData {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(disclosureId, "disclosureId");
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** Who checked the identity at which counter and when; all {@code null} for a self-declared identity. */
    public record Verification(String verifiedBy, String verifiedBranch, String verifiedAt) {

        Map<String, Object> asClaim() {
            Map<String, Object> claim = new LinkedHashMap<>();
            if (verifiedBy != null) {
                claim.put("verified_by", verifiedBy);
            }
            if (verifiedBranch != null) {
                claim.put("verified_branch", verifiedBranch);
            }
            if (verifiedAt != null) {
                claim.put("verified_at", verifiedAt);
            }
            return claim;
        }
    }
}
