package hk.smartid.portal.payments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the payment provider says was paid, read from a notification whose signature checked.
 *
 * @param id        the provider's notification id (JWT {@code jti}): the same id is applied at most once
 * @param reference the application's reference the payer's app read from the QR code (its bill number)
 * @param amount    the amount paid
 * @param currency  ISO 4217 letters, e.g. {@code HKD}
 * @param paidAt    when the payer's bank made the payment
 */
public record PaymentNotification(String id, String reference, BigDecimal amount, String currency, Instant paidAt) {

    PaymentNotification withReference(String canonicalReference) {
        return new PaymentNotification(id, canonicalReference, amount, currency, paidAt);
    }

    /** Whether {@code other} says exactly the same (an exact replay, not a different notification under this id). */
    boolean sameAs(PaymentNotification other) {
        return id.equals(other.id) && reference.equals(other.reference) && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency) && paidAt.equals(other.paidAt);
    }
}
