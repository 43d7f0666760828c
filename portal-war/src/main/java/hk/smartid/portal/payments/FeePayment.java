package hk.smartid.portal.payments;

import hk.smartid.portal.applications.Application;
import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.i18n.AllLanguages;
import hk.smartid.portal.i18n.LanguagePreference;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The fee part of a receipt, for {@code /WEB-INF/includes/payment.xhtml}: {@code #{feePayment.of(application)}}.
 * The caller has already checked that the reader may see the application.
 */
@Named
@RequestScoped
public class FeePayment {

    @Inject
    PaymentSettings settings;

    @Inject
    Payments payments;

    @Inject
    LanguagePreference language;

    /** Facelets evaluates the include's parameter at every use: read each application's payment once a request. */
    private final Map<String, FeeReceipt> read = new HashMap<>();

    /** The receipt's fee part; null (nothing to show) for an application without a fee. */
    public FeeReceipt of(Application application) {
        if (application == null || application.getFeeHkd() <= 0) {
            return null;
        }
        return read.computeIfAbsent(application.getId() + " " + application.getStatus(), key -> receipt(application));
    }

    private FeeReceipt receipt(Application application) {
        boolean awaiting = application.getStatus() == ApplicationStatus.AWAITING_PAYMENT;
        Instant paidAt = awaiting ? null : payments.of(application.getId()).stream()
                .map(Payment::getPaidAt).reduce((first, last) -> last).orElse(null);
        FpsPaymentCode code = new FpsPaymentCode(settings.payee(), BigDecimal.valueOf(application.getFeeHkd()),
                application.getReference());
        return new FeeReceipt(code, awaiting, paidAt, AllLanguages.bundle(language.getLanguage()), language.getLocale());
    }
}
