package hk.smartid.portal.payments;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Set;

/**
 * The registered payment provider, and the one check of its payment notifications: a compact JWS signed with
 * HS256 under the secret the provider and the portal share (README, "Fee payment"), explicitly typed
 * {@value #TYPE}, issued by {@value #ISSUER} for {@value #AUDIENCE}, not expired, with every claim of a
 * {@link PaymentNotification}. Anything else (no signature, {@code alg: none}, another algorithm, another key, a
 * missing claim) is refused with {@link UntrustedNotificationException}.
 *
 * <p>HS256 with a shared secret rather than ES256 with the provider's public key: there is one provider, registered
 * out of band, and the launcher already hands generated secrets to both sides (var/secrets), so an HMAC needs no
 * key distribution of its own. The cost is that whoever holds the portal's copy could also sign; when the provider
 * is a real bank publishing a JWK set, the key selector becomes ES256 with that set and nothing else changes.
 */
public final class PaymentProvider {

    public static final String TYPE = "payment-notification+jwt";
    public static final String ISSUER = "smartid-payment-provider";
    public static final String AUDIENCE = "smartid-portal";
    /** A notification older than this is refused even if its {@code exp} says otherwise. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    /** The payment table's key column. */
    static final int MAX_ID_LENGTH = 255;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param sharedSecret base64url of the shared secret, at least 256 bits (HS256's key size)
     */
    public PaymentProvider(String sharedSecret) {
        byte[] key = new Base64URL(sharedSecret).decode();
        if (key.length < 32) {
            throw new IllegalArgumentException("The payment provider's secret must be at least 256 bits (HS256)");
        }
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(key)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                Set.of("jti", "iat", "exp", "reference", "amount", "currency", "paid_at")));
    }

    /**
     * The notification in {@code compactJws}, if the provider signed it and it is still valid.
     *
     * @throws UntrustedNotificationException not signed by the provider, or no longer valid
     * @throws IllegalArgumentException       signed, but a claim is empty or of the wrong type
     */
    public PaymentNotification read(String compactJws) throws UntrustedNotificationException {
        JWTClaimsSet claims;
        try {
            // SignedJWT.parse refuses anything that is not a JWS, alg "none" included.
            claims = processor.process(SignedJWT.parse(compactJws), null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new UntrustedNotificationException(e.getMessage());
        }
        try {
            Date issuedAt = claims.getIssueTime();
            if (claims.getExpirationTime().toInstant().isAfter(issuedAt.toInstant().plus(MAX_LIFETIME))) {
                throw new UntrustedNotificationException("Notifications may live at most " + MAX_LIFETIME.toMinutes() + " minutes");
            }
            String amount = claims.getStringClaim("amount");
            Date paidAt = claims.getDateClaim("paid_at");
            if (claims.getJWTID().isBlank() || claims.getJWTID().length() > MAX_ID_LENGTH
                    || claims.getStringClaim("reference").isBlank()
                    || claims.getStringClaim("currency").isBlank() || paidAt == null) {
                throw new IllegalArgumentException("A claim of the notification is empty, or the id longer than "
                        + MAX_ID_LENGTH + " characters");
            }
            return new PaymentNotification(claims.getJWTID(), claims.getStringClaim("reference"), new BigDecimal(amount),
                    claims.getStringClaim("currency"), paidAt.toInstant());
        } catch (ParseException | NumberFormatException e) {
            throw new IllegalArgumentException("A claim of the notification has the wrong type: " + e.getMessage(), e);
        }
    }
}
