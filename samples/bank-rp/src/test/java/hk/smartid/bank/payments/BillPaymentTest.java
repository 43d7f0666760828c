package hk.smartid.bank.payments;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification the bank sends, as the portal's README describes it ("Fee payment"). */
class BillPaymentTest {

    @Test
    void theNotificationIsATypedHs256JwsWithEveryClaim() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Instant paidAt = Instant.parse("2026-11-27T06:30:00Z");

        SignedJWT jwt = SignedJWT.parse(new BillPayment(URI.create("http://portal"), Base64URL.encode(secret).toString())
                .notification("n-1", "SID-7K3M-Q9TX-2B", new BigDecimal("140"), paidAt, paidAt));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("payment-notification+jwt");
        assertThat(jwt.verify(new MACVerifier(secret))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("smartid-payment-provider");
        assertThat(claims.getAudience()).containsExactly("smartid-portal");
        assertThat(claims.getJWTID()).isEqualTo("n-1");
        assertThat(claims.getStringClaim("reference")).isEqualTo("SID-7K3M-Q9TX-2B");
        assertThat(claims.getStringClaim("amount")).isEqualTo("140.00");
        assertThat(claims.getStringClaim("currency")).isEqualTo("HKD");
        assertThat(claims.getDateClaim("paid_at").toInstant()).isEqualTo(paidAt);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(paidAt.plusSeconds(300));
    }
}
