package hk.smartid.payments;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment notification endpoint on the real portal: only the registered provider's signed notifications are
 * applied, each at most once; every refusal is answered as documented and changes nothing.
 */
@ExtendWith(RunningPlatform.class)
class PaymentNotificationsIT {

    private static final String UNKNOWN_REFERENCE = "SID-0000-0000-0000";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final byte[] providerSecret;

    PaymentNotificationsIT(Platform platform) {
        this.endpoint = URI.create(platform.settings().portalUrl() + "/api/payments/notifications");
        this.providerSecret = new Base64URL(platform.secrets().paymentProviderSecret()).decode();
    }

    @Test
    void notificationsNotSignedByTheProviderAreRefused() throws Exception {
        String reference = UNKNOWN_REFERENCE;
        JWTClaimsSet claims = claims(UUID.randomUUID().toString(), reference, "10.00").build();

        assertRefused(post(new PlainJWT(claims).serialize()), 401, "invalid_signature");

        String[] signed = sign(claims, providerSecret).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"payment-notification+jwt\"}").toString();
        assertRefused(post(none + "." + signed[1] + "."), 401, "invalid_signature");
        assertRefused(post(none + "." + signed[1] + "." + signed[2]), 401, "invalid_signature");

        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        assertRefused(post(sign(claims, otherKey)), 401, "invalid_signature");

        Instant past = Instant.now().minus(30, ChronoUnit.MINUTES);
        assertRefused(post(sign(claims(UUID.randomUUID().toString(), reference, "10.00")
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(), providerSecret)),
                401, "invalid_signature");

        assertRefused(post("garbage"), 401, "invalid_signature");
    }

    @Test
    void aSignedNotificationForAnUnknownReferenceIsNotFound() throws Exception {
        assertRefused(post(sign(claims(UUID.randomUUID().toString(), UNKNOWN_REFERENCE, "10.00").build(),
                providerSecret)), 404, "unknown_reference");
    }

    @Test
    void onlyAJwtBodyIsRead() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"" + UNKNOWN_REFERENCE + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(answer, 415, "unsupported_media_type");
    }

    HttpResponse<String> post(String notification) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/jwt")
                .POST(HttpRequest.BodyPublishers.ofString(notification))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertRefused(HttpResponse<String> answer, int status, String error) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = JSONObjectUtils.parse(answer.body());
        assertThat(body).containsEntry("error", error);
    }

    static JWTClaimsSet.Builder claims(String id, String reference, String amount) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("smartid-payment-provider")
                .audience("smartid-portal")
                .jwtID(id)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("reference", reference)
                .claim("amount", amount)
                .claim("currency", "HKD")
                .claim("paid_at", now.getEpochSecond());
    }

    static String sign(JWTClaimsSet claims, byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("payment-notification+jwt")).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
