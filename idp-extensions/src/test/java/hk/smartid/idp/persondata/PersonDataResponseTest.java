package hk.smartid.idp.persondata;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.persondata.PersonDataResponse.PersonData;
import hk.smartid.idp.persondata.PersonDataResponse.Verification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static hk.smartid.idp.bank.DataItem.ADDRESS;
import static hk.smartid.idp.bank.DataItem.BIRTHDATE;
import static hk.smartid.idp.bank.DataItem.EMAIL;
import static hk.smartid.idp.bank.DataItem.HKID;
import static hk.smartid.idp.bank.DataItem.MOBILE;
import static hk.smartid.idp.bank.DataItem.NAME_EN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonDataResponseTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:03:04Z");
    private static ECKey realmKey;
    private static ECKey otherRealmKey;
    private static RSAKey bankKey;
    private static RSAKey otherKey;

    @BeforeAll
    static void keys() throws Exception {
        realmKey = new ECKeyGenerator(Curve.P_256).keyID("realm-es256").generate();
        otherRealmKey = new ECKeyGenerator(Curve.P_256).keyID("not-the-realm").generate();
        bankKey = new RSAKeyGenerator(2048).keyID("bank-enc").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("someone-else").generate();
    }

    @Nested
    class Releasable {

        @Test
        void shouldReleaseOnlyItemsBothConsentedAndInTheTokensScope() {
            assertThat(PersonDataResponse.releasable(List.of(HKID, NAME_EN, ADDRESS, MOBILE),
                    "openid person.hkid person.name_en person.birthdate profile"))
                    .containsExactly(NAME_EN, HKID);
        }

        @Test
        void shouldReleaseNothingForATokenWithoutDataItemScopes() {
            assertThat(PersonDataResponse.releasable(List.of(HKID, NAME_EN), "openid")).isEmpty();
            assertThat(PersonDataResponse.releasable(List.of(HKID), null)).isEmpty();
        }

        @Test
        void shouldNotReleaseAScopeTheResidentNeverConsentedTo() {
            assertThat(PersonDataResponse.releasable(List.of(HKID), "person.hkid person.email")).containsExactly(HKID);
        }
    }

    @Nested
    class Sealed {

        private final PersonData data = new PersonData("http://localhost:8180/realms/smartid", "sample-bank",
                "pairwise-sub-1", "0d3c0c1e-0000-4000-8000-000000000001", "account-opening", "loa-verified", true,
                new Verification("staff-7", "Wan Chai", "2026-11-30T09:00:00Z"),
                values(Map.of(NAME_EN, Map.of("surname", "CHAN", "given_names", "TAI MAN"), HKID, "A123456(3)",
                        BIRTHDATE, "1980-01-01", EMAIL, "tai.man@example.hk")));

        @Test
        void shouldBeAJweForTheBanksKey() throws Exception {
            JWEObject jwe = JWEObject.parse(seal(data));

            assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
            assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
            assertThat(jwe.getHeader().getContentType()).isEqualTo("JWT");
            assertThat(jwe.getHeader().getKeyID()).isEqualTo("bank-enc");
        }

        @Test
        void shouldOpenOnlyWithTheBanksKey() throws Exception {
            JWEObject jwe = JWEObject.parse(seal(data));

            assertThatThrownBy(() -> jwe.decrypt(new RSADecrypter(otherKey))).isInstanceOf(Exception.class);
        }

        @Test
        void shouldHoldAJwsSignedByTheRealmKey() throws Exception {
            SignedJWT jws = open(seal(data));

            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(jws.getHeader().getKeyID()).isEqualTo("realm-es256");
            assertThat(jws.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
            assertThat(jws.verify(new ECDSAVerifier(realmKey.toECPublicKey()))).isTrue();
            assertThat(jws.verify(new ECDSAVerifier(otherRealmKey.toECPublicKey()))).isFalse();
        }

        @Test
        void shouldAssertWhoForWhomAndUntilWhen() throws Exception {
            JWTClaimsSet claims = open(seal(data)).getJWTClaimsSet();

            assertThat(claims.getIssuer()).isEqualTo("http://localhost:8180/realms/smartid");
            assertThat(claims.getAudience()).containsExactly("sample-bank");
            assertThat(claims.getSubject()).isEqualTo("pairwise-sub-1");
            assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
            assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(300)));
            assertThat(claims.getJWTID()).isEqualTo("0d3c0c1e-0000-4000-8000-000000000001");
            assertThat(claims.getStringClaim("purpose")).isEqualTo("account-opening");
            assertThat(claims.getStringClaim("assurance_level")).isEqualTo("loa-verified");
            assertThat(claims.getJSONObjectClaim("verification")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "verified_by", "staff-7", "verified_branch", "Wan Chai", "verified_at", "2026-11-30T09:00:00Z"));
        }

        @Test
        void shouldHoldExactlyTheReleasedItemsEachMarkedVerifiedOrNot() throws Exception {
            Map<String, Object> person = open(seal(data)).getJWTClaimsSet().getJSONObjectClaim("person");

            assertThat(person).containsOnlyKeys("name_en", "hkid_number", "birthdate", "email");
            assertThat(person.get("name_en")).isEqualTo(Map.of("value", Map.of("surname", "CHAN", "given_names", "TAI MAN"),
                    "verified", true));
            assertThat(person.get("hkid_number")).isEqualTo(Map.of("value", "A123456(3)", "verified", true));
            assertThat(person.get("birthdate")).isEqualTo(Map.of("value", "1980-01-01", "verified", true));
            // A contact detail is what the resident gave, never checked at a counter.
            assertThat(person.get("email")).isEqualTo(Map.of("value", "tai.man@example.hk", "verified", false));
        }

        @Test
        void shouldReleaseNothingAsVerifiedForASelfDeclaredIdentity() throws Exception {
            PersonData basic = new PersonData(data.issuer(), data.audience(), data.subject(), data.disclosureId(),
                    data.purpose(), "loa-basic", false, new Verification(null, null, null), values(Map.of(HKID, "A123456(3)")));

            JWTClaimsSet claims = open(seal(basic)).getJWTClaimsSet();

            assertThat(claims.getJSONObjectClaim("person").get("hkid_number"))
                    .isEqualTo(Map.of("value", "A123456(3)", "verified", false));
            assertThat(claims.getClaim("verification")).isNull();
        }
    }

    private static Map<DataItem, Object> values(Map<DataItem, Object> values) {
        Map<DataItem, Object> ordered = new LinkedHashMap<>();
        for (DataItem item : DataItem.values()) {
            if (values.containsKey(item)) {
                ordered.put(item, values.get(item));
            }
        }
        return ordered;
    }

    private static String seal(PersonData data) throws Exception {
        return PersonDataResponse.seal(data, NOW, realmKey.toECPrivateKey(), realmKey.getKeyID(), bankKey.toRSAPublicKey(),
                bankKey.getKeyID());
    }

    private static SignedJWT open(String compact) throws Exception {
        JWEObject jwe = JWEObject.parse(compact);
        jwe.decrypt(new RSADecrypter(bankKey));
        return jwe.getPayload().toSignedJWT();
    }
}
