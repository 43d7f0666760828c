package hk.smartid.bank.smartid;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hk.smartid.bank.keys.BankKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person-data answer built as SmartID builds it (docs/banking-made-easy.md), then opened by the bank. */
class PersonDataReaderTest {

    private static final String ISSUER = "http://localhost:8180/realms/smartid";
    private static final String BANK = "sample-bank";
    private static final String SUB = "pairwise-sub-1";

    private static ECKey realmKey;
    private static BankKeys bank;
    private static PersonDataReader reader;

    @BeforeAll
    static void keys(@TempDir Path directory) throws Exception {
        realmKey = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("realm-key").generate();
        bank = BankKeys.inDirectory(directory);
        reader = new PersonDataReader(bank.encryption(), new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())),
                ISSUER, BANK);
    }

    @Test
    void shouldReadTheReleasedValuesWithTheirVerification() throws Exception {
        ReleasedPerson person = reader.read(answer(claims -> { }, realmKey, bank.encryption(), true), SUB);

        assertThat(person.disclosureId()).isEqualTo("disclosure-1");
        assertThat(person.assuranceLevel()).isEqualTo("loa-verified");
        assertThat(person.value("hkid_number")).contains(new ReleasedPerson.Value("A123456(3)", true));
        assertThat(person.value("name_en.surname")).contains(new ReleasedPerson.Value("CHAN", true));
        assertThat(person.value("name_en.given_names")).contains(new ReleasedPerson.Value("TAI MAN", true));
        assertThat(person.value("mobile_number")).contains(new ReleasedPerson.Value("+85291234567", false));
        assertThat(person.value("email")).isEmpty();
    }

    @Nested
    class ShouldRefuse {

        @Test
        void anAnswerForAnotherBank() {
            assertUntrusted(answer(claims -> claims.audience("other-bank"), realmKey, bank.encryption(), true), SUB);
        }

        @Test
        void anAnswerFromAnotherIssuer() {
            assertUntrusted(answer(claims -> claims.issuer("https://evil.example"), realmKey, bank.encryption(), true), SUB);
        }

        @Test
        void anExpiredAnswer() {
            assertUntrusted(answer(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600))),
                    realmKey, bank.encryption(), true), SUB);
        }

        @Test
        void anAnswerAboutSomebodyElse() {
            assertUntrusted(answer(claims -> { }, realmKey, bank.encryption(), true), "another-person");
        }

        @Test
        void anAnswerNotSignedBySmartId() throws Exception {
            ECKey forger = new ECKeyGenerator(Curve.P_256).keyID("realm-key").generate();
            assertUntrusted(answer(claims -> { }, forger, bank.encryption(), true), SUB);
        }

        @Test
        void anAnswerEncryptedToAnotherKey() throws Exception {
            RSAKey otherBank = new RSAKeyGenerator(2048).keyID(bank.encryption().getKeyID()).generate();
            assertUntrusted(answer(claims -> { }, realmKey, otherBank, true), SUB);
        }

        @Test
        void anAnswerThatTravelledUnencrypted() {
            assertUntrusted(answer(claims -> { }, realmKey, bank.encryption(), false), SUB);
        }

        private void assertUntrusted(String answer, String subject) {
            assertThatThrownBy(() -> reader.read(answer, subject))
                    .isInstanceOfSatisfying(SmartIdFailure.class,
                            failure -> assertThat(failure.kind()).isEqualTo(SmartIdFailure.Kind.UNTRUSTED));
        }
    }

    /** Signs the claims with {@code signer}, then (if {@code encrypt}) encrypts to {@code recipient}. */
    private static String answer(Consumer<JWTClaimsSet.Builder> change, ECKey signer, RSAKey recipient, boolean encrypt) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER).audience(BANK).subject(SUB)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .jwtID("disclosure-1")
                    .claim("purpose", "account-opening")
                    .claim("assurance_level", "loa-verified")
                    .claim("verification", Map.of("verified_by", "counter", "verified_branch", "Wan Chai",
                            "verified_at", "2025-01-02T10:00:00+08:00"))
                    .claim("person", Map.of(
                            "name_en", Map.of("value", Map.of("surname", "CHAN", "given_names", "TAI MAN"), "verified", true),
                            "hkid_number", Map.of("value", "A123456(3)", "verified", true),
                            "mobile_number", Map.of("value", "+85291234567", "verified", false)));
            change.accept(claims);
            SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(),
                    claims.build());
            signed.sign(new ECDSASigner(signer));
            if (!encrypt) {
                return signed.serialize();
            }
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                    .contentType("JWT").keyID(recipient.getKeyID()).build(), new Payload(signed));
            jwe.encrypt(new RSAEncrypter(recipient.toRSAPublicKey()));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Receipts {

        private String receipt(String disclosureId, String type, ECKey key) throws Exception {
            com.nimbusds.jwt.SignedJWT jws = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256).keyID(key.getKeyID())
                            .type(new com.nimbusds.jose.JOSEObjectType(type)).build(),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder().claim("log_id", "smartid-disclosure-log:smartid")
                            .claim("disclosure_id", disclosureId).claim("leaf_hash", "ab".repeat(32))
                            .claim("timestamp", 1L).claim("mmd", 3600).build());
            jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
            return jws.serialize();
        }

        @Test
        void shouldKeepAReceiptSignedBySmartIdForThisDisclosure() throws Exception {
            String receipt = receipt("disclosure-1", "disclosure-receipt+jwt", realmKey);

            assertThat(reader.checkReceipt(receipt, "disclosure-1")).isEqualTo(receipt);
        }

        @Test
        void shouldRefuseNoReceiptOneForAnotherDisclosureOrSignedByAnotherKeyOrOfAnotherType() throws Exception {
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("realm-key").generate();
            for (String bad : new String[]{null, "", receipt("disclosure-2", "disclosure-receipt+jwt", realmKey),
                    receipt("disclosure-1", "disclosure-receipt+jwt", stranger),
                    receipt("disclosure-1", "disclosure-tree-head+jwt", realmKey)}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.checkReceipt(bad, "disclosure-1"))
                        .isInstanceOf(SmartIdFailure.class);
            }
        }
    }
}
