package hk.smartid.bank.payments;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The bank as the payer's bank: pays a GovHK e-service fee (the reference and amount a payer's app reads from the
 * receipt's FPS QR code) and notifies the portal, as the payment provider does, with a compact JWS signed HS256
 * under the secret the provider shares with the portal. The contract is the portal's README, "Fee payment".
 */
public final class BillPayment {

    static final String TYPE = "payment-notification+jwt";
    static final String ISSUER = "smartid-payment-provider";
    static final String AUDIENCE = "smartid-portal";
    static final String PATH = "/api/payments/notifications";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI notifications;
    private final byte[] secret;

    public BillPayment(URI portalUrl, String sharedSecret) {
        this.notifications = URI.create(portalUrl + PATH);
        this.secret = new Base64URL(sharedSecret).decode();
    }

    /** What the portal answered: its status and, when refused, its {@code error} code. */
    public record Outcome(int status, String error) {
        public boolean paid() {
            return status == 200;
        }
    }

    /** Pays {@code amountHkd} for the bill {@code reference} now, and tells the portal. */
    public Outcome pay(String reference, BigDecimal amountHkd) throws IOException, InterruptedException {
        Instant now = Instant.now();
        return send(notification(UUID.randomUUID().toString(), reference, amountHkd, now, now));
    }

    /** The signed notification of one payment. */
    String notification(String id, String reference, BigDecimal amountHkd, Instant paidAt, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .jwtID(id)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
                .claim("reference", reference)
                .claim("amount", amountHkd.setScale(2, RoundingMode.UNNECESSARY).toPlainString())
                .claim("currency", "HKD")
                .claim("paid_at", paidAt.getEpochSecond())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(TYPE)).build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the payment notification: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    Outcome send(String notification) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(notifications)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/jwt")
                .POST(HttpRequest.BodyPublishers.ofString(notification))
                .build(), HttpResponse.BodyHandlers.ofString());
        String error = null;
        if (answer.statusCode() != 200) {
            try {
                error = JSONObjectUtils.getString(JSONObjectUtils.parse(answer.body()), "error");
            } catch (ParseException e) {
                error = null;
            }
        }
        return new Outcome(answer.statusCode(), error);
    }
}
