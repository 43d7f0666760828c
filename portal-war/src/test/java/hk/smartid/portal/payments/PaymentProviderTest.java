package hk.smartid.portal.payments;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentProviderTest {

    private static final byte[] SECRET = random(32);
    private static final Instant PAID_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final PaymentProvider provider = new PaymentProvider(Base64URL.encode(SECRET).toString());

    @Test
    void aNotificationSignedByTheProviderIsRead() throws Exception {
        PaymentNotification notification = provider.read(signed(claims().build(), SECRET, JWSAlgorithm.HS256));

        assertThat(notification).isEqualTo(new PaymentNotification("n-1", "SID-7K3M-Q9TX-2B", new BigDecimal("140.00"),
                "HKD", PAID_AT));
    }

    @Test
    void anUnsignedNotificationIsRefused() {
        assertUntrusted(new PlainJWT(claims().build()).serialize());
    }

    @Test
    void algNoneWithTheSignaturePartKeptIsRefused() throws Exception {
        String[] parts = signed(claims().build(), SECRET, JWSAlgorithm.HS256).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"" + PaymentProvider.TYPE + "\"}").toString();

        assertUntrusted(none + "." + parts[1] + "." + parts[2]);
        assertUntrusted(none + "." + parts[1] + ".");
    }

    @Test
    void aNotificationSignedWithAnotherKeyIsRefused() throws Exception {
        assertUntrusted(signed(claims().build(), random(32), JWSAlgorithm.HS256));
    }

    @Test
    void anotherAlgorithmIsRefusedEvenWithTheRightSecret() throws Exception {
        assertUntrusted(signed(claims().build(), random(64), JWSAlgorithm.HS512));
        byte[] longSecret = random(64);
        assertUntrusted(signed(claims().build(), longSecret, JWSAlgorithm.HS512),
                new PaymentProvider(Base64URL.encode(longSecret).toString()));
        SignedJWT ecSigned = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(PaymentProvider.TYPE)).build(), claims().build());
        ecSigned.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        assertUntrusted(ecSigned.serialize());
    }

    @Test
    void anExpiredNotificationIsRefused() throws Exception {
        Instant past = Instant.now().minus(20, ChronoUnit.MINUTES);
        assertUntrusted(signed(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(),
                SECRET, JWSAlgorithm.HS256));
    }

    @Test
    void aNotificationValidForTooLongIsRefused() throws Exception {
        assertUntrusted(signed(claims().expirationTime(Date.from(Instant.now().plus(1, ChronoUnit.DAYS))).build(),
                SECRET, JWSAlgorithm.HS256));
    }

    @Test
    void anotherTypeIssuerOrAudienceIsRefused() throws Exception {
        SignedJWT untyped = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        untyped.sign(new MACSigner(SECRET));
        assertUntrusted(untyped.serialize());
        assertUntrusted(signed(claims().issuer("someone-else").build(), SECRET, JWSAlgorithm.HS256));
        assertUntrusted(signed(claims().audience("another-portal").build(), SECRET, JWSAlgorithm.HS256));
    }

    @Test
    void aMissingClaimIsRefused() throws Exception {
        for (String claim : new String[]{"jti", "reference", "amount", "currency", "paid_at", "exp", "iat"}) {
            UnaryOperator<JWTClaimsSet> without = claims -> new JWTClaimsSet.Builder(claims).claim(claim, null).build();
            assertUntrusted(signed(without.apply(claims().build()), SECRET, JWSAlgorithm.HS256));
        }
    }

    @Test
    void aSignedNotificationWithAMalformedClaimIsABadRequest() throws Exception {
        assertThatThrownBy(() -> provider.read(signed(claims().claim("amount", "a lot").build(), SECRET, JWSAlgorithm.HS256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.read(signed(claims().claim("amount", 140).build(), SECRET, JWSAlgorithm.HS256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.read(signed(claims().claim("reference", " ").build(), SECRET, JWSAlgorithm.HS256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.read(signed(claims().jwtID("n".repeat(256)).build(), SECRET, JWSAlgorithm.HS256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageIsRefused() {
        assertUntrusted("");
        assertUntrusted("not a token");
        assertUntrusted("a.b.c");
    }

    @Test
    void aShortSecretIsNotAccepted() {
        assertThatThrownBy(() -> new PaymentProvider(Base64URL.encode(random(16)).toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertUntrusted(String token) {
        assertUntrusted(token, provider);
    }

    private static void assertUntrusted(String token, PaymentProvider provider) {
        assertThatThrownBy(() -> provider.read(token)).isInstanceOf(UntrustedNotificationException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(PaymentProvider.ISSUER)
                .audience(PaymentProvider.AUDIENCE)
                .jwtID("n-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("reference", "SID-7K3M-Q9TX-2B")
                .claim("amount", "140.00")
                .claim("currency", "HKD")
                .claim("paid_at", PAID_AT.getEpochSecond());
    }

    private static String signed(JWTClaimsSet claims, byte[] secret, JWSAlgorithm algorithm) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType(PaymentProvider.TYPE)).build(),
                claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
