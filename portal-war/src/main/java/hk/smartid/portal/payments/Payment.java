package hk.smartid.portal.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A fee paid for an application, as the payment provider notified it; kept under the notification's id. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @Column(name = "notification_id")
    private String notificationId;

    @Column(name = "application_id", nullable = false)
    private String applicationId;

    @Column(name = "reference", nullable = false)
    private String reference;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false)
    private String currency;

    /** UTC date-times: EclipseLink 4.0 would store an Instant as a serialized object. */
    @Column(name = "paid_at", nullable = false)
    private LocalDateTime paidAt;

    @Column(name = "received_at", nullable = false)
    private LocalDateTime receivedAt;

    protected Payment() {
        // JPA
    }

    Payment(PaymentNotification notification, String applicationId, Instant receivedAt) {
        this.notificationId = notification.id();
        this.applicationId = applicationId;
        this.reference = notification.reference();
        this.amount = notification.amount();
        this.currency = notification.currency();
        this.paidAt = LocalDateTime.ofInstant(notification.paidAt(), ZoneOffset.UTC);
        this.receivedAt = LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    }

    /** The notification this payment was recorded from, to tell an exact replay from a reuse of its id. */
    PaymentNotification notification() {
        return new PaymentNotification(notificationId, reference, amount, currency, paidAt.toInstant(ZoneOffset.UTC));
    }

    public String getApplicationId() {
        return applicationId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getPaidAt() {
        return paidAt.toInstant(ZoneOffset.UTC);
    }
}
