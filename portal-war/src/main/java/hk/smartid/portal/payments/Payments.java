package hk.smartid.portal.payments;

import hk.smartid.portal.applications.Application;
import hk.smartid.portal.applications.ApplicationActor;
import hk.smartid.portal.applications.ApplicationReference;
import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.applications.Applications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies the payment provider's notifications to applications: a notification that pays an application's fee
 * moves it from {@link ApplicationStatus#AWAITING_PAYMENT} to {@link ApplicationStatus#SUBMITTED} (through
 * {@link Applications#changeStatus}, actor role {@code payment-provider}) and is recorded as a {@link Payment}, in
 * one transaction: either both are on disk or neither.
 */
@ApplicationScoped
public class Payments {

    /** What became of a notification; nothing is changed unless {@link #APPLIED}. */
    public enum Outcome {
        /** The application's fee is paid: it is submitted, and the payment recorded. */
        APPLIED,
        /** Exactly this notification was applied before: nothing applied twice. */
        ALREADY_APPLIED,
        /** An earlier, different notification came with this id. */
        ID_REUSED,
        UNKNOWN_REFERENCE,
        /** Not the application's fee in Hong Kong dollars. */
        WRONG_AMOUNT,
        /** The application is not waiting for a payment (no fee, or already paid). */
        NOT_AWAITING_PAYMENT
    }

    static final String CURRENCY = "HKD";

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    @Inject
    Applications applications;

    @Transactional
    public Outcome apply(PaymentNotification notification) {
        Payment earlier = entityManager.find(Payment.class, notification.id());
        if (earlier != null) {
            return replayOf(earlier, notification);
        }
        Optional<Application> found = applications.byReference(notification.reference());
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_REFERENCE;
        }
        Application application = found.get();
        // Notifications for one application take turns here. One that waited reads what the other committed: the
        // payment with its id as well as the status, not the status alone (which would refuse an exact replay).
        entityManager.refresh(application, LockModeType.PESSIMISTIC_WRITE);
        earlier = entityManager.find(Payment.class, notification.id());
        if (earlier != null) {
            return replayOf(earlier, notification);
        }
        if (!CURRENCY.equals(notification.currency())
                || notification.amount().compareTo(BigDecimal.valueOf(application.getFeeHkd())) != 0) {
            return Outcome.WRONG_AMOUNT;
        }
        if (application.getStatus() != ApplicationStatus.AWAITING_PAYMENT) {
            return Outcome.NOT_AWAITING_PAYMENT;
        }
        applications.changeStatus(application.getId(), ApplicationStatus.SUBMITTED,
                ApplicationActor.paymentProvider(PaymentProvider.ISSUER, "FPS"),
                "FPS " + notification.amount().setScale(2) + " " + CURRENCY + ", notification " + notification.id());
        entityManager.persist(new Payment(notification.withReference(application.getReference()), application.getId(),
                Instant.now()));
        // Written now, so a second notification with this id fails here, inside the transaction, not at commit.
        entityManager.flush();
        return Outcome.APPLIED;
    }

    private static Outcome replayOf(Payment earlier, PaymentNotification notification) {
        // The payment keeps the reference as the portal writes it; the provider may have sent it in lower case.
        String reference = ApplicationReference.canonical(notification.reference()).orElse(notification.reference());
        return earlier.notification().sameAs(notification.withReference(reference))
                ? Outcome.ALREADY_APPLIED : Outcome.ID_REUSED;
    }

    /** The payments recorded for an application, oldest first. */
    public List<Payment> of(String applicationId) {
        return entityManager.createQuery("select p from Payment p where p.applicationId = :application"
                        + " order by p.receivedAt", Payment.class)
                .setParameter("application", applicationId)
                .getResultList();
    }
}
