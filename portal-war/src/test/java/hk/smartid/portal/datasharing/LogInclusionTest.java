package hk.smartid.portal.datasharing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's check of a disclosure against the IdP's signed log: a tree of two leaves (the resident's disclosure
 * and another), built by hand from RFC 9162's definitions, its head signed with a realm key the portal knows.
 */
class LogInclusionTest {

    private static final long AT = Instant.parse("2026-11-27T08:00:00.123Z").toEpochMilli();
    private static ECKey realmKey;
    private static LogInclusion log;

    @BeforeAll
    static void keys() throws Exception {
        realmKey = new ECKeyGenerator(Curve.P_256).keyID("realm-es256").generate();
        log = new LogInclusion(new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
    }

    private static MyDataSharing.DisclosureBody body() {
        MyDataSharing.DisclosureBody body = new MyDataSharing.DisclosureBody();
        body.id = "d-1";
        body.at = Instant.ofEpochMilli(AT).toString();
        body.clientId = "sample-bank";
        body.items = List.of("person.hkid", "person.name_en");
        body.entry = new MyDataSharing.LoggedEntry();
        body.entry.realmId = "realm-1";
        body.entry.userId = "user-1";
        body.entry.consentId = "consent-1";
        body.entry.items = "person.hkid person.name_en";
        body.entry.disclosedAt = AT;
        return body;
    }

    private static byte[] ownLeaf() {
        return LogInclusion.leafHash("d-1", "realm-1", "user-1", "sample-bank", "consent-1", "person.hkid person.name_en",
                Long.toString(AT));
    }

    private static final byte[] OTHER_LEAF = LogInclusion.leafHash("d-2");

    private static String head(ECKey key, long size, byte[] root, String type) throws Exception {
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(),
                new JWTClaimsSet.Builder().claim("log_id", "smartid-disclosure-log:smartid").claim("tree_size", size)
                        .claim("root_hash", HexFormat.of().formatHex(root)).claim("timestamp", AT).build());
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private static MyDataSharing.DisclosureBody proven(ECKey key, String type) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(ownLeaf());
        byte[] root = sha256.digest(OTHER_LEAF);
        MyDataSharing.DisclosureBody body = body();
        body.inclusion = new MyDataSharing.Inclusion();
        body.inclusion.leafIndex = 0;
        body.inclusion.treeSize = 2;
        body.inclusion.inclusionProof = List.of(HexFormat.of().formatHex(OTHER_LEAF));
        body.inclusion.treeHead = head(key, 2, root, type);
        return body;
    }

    @Test
    void shouldShowADisclosureProvenInASignedHeadAsVerified() throws Exception {
        assertThat(log.statusOf(proven(realmKey, "disclosure-tree-head+jwt"))).isEqualTo(LogStatus.verified(2));
    }

    @Test
    void shouldShowADisclosureWithoutAProofYetAsPending() {
        assertThat(log.statusOf(body())).isEqualTo(LogStatus.PENDING);
    }

    @Test
    void shouldNotVerifyAnAlteredEntryAWrongProofOrAHeadNotSignedByTheRealm() throws Exception {
        MyDataSharing.DisclosureBody moreItemsShown = proven(realmKey, "disclosure-tree-head+jwt");
        moreItemsShown.items = List.of("person.hkid", "person.name_en", "person.address");
        MyDataSharing.DisclosureBody alteredEntry = proven(realmKey, "disclosure-tree-head+jwt");
        alteredEntry.entry.consentId = "consent-2";
        MyDataSharing.DisclosureBody otherPlace = proven(realmKey, "disclosure-tree-head+jwt");
        otherPlace.inclusion.leafIndex = 1;
        MyDataSharing.DisclosureBody otherSize = proven(realmKey, "disclosure-tree-head+jwt");
        otherSize.inclusion.treeSize = 3;

        for (MyDataSharing.DisclosureBody body : List.of(moreItemsShown, alteredEntry, otherPlace, otherSize,
                proven(new ECKeyGenerator(Curve.P_256).keyID("realm-es256").generate(), "disclosure-tree-head+jwt"),
                proven(realmKey, "disclosure-receipt+jwt"))) {
            assertThat(log.statusOf(body).state()).isEqualTo(LogStatus.State.FAILED);
        }
    }
}
