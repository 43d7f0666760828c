package hk.smartid.portal.payments;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * How the portal takes fees (README, "Fee payment"): the collecting account the FPS QR codes name, and the
 * registered payment provider whose signed notifications mark fees paid. Checked when the portal starts, so a
 * wrong setting stops the deployment with its name rather than failing on a receipt.
 */
@ApplicationScoped
public class PaymentSettings {

    @Inject
    @ConfigProperty(name = "smartid.payments.fps-proxy", defaultValue = "fees@smartid.example")
    String fpsProxy;

    @Inject
    @ConfigProperty(name = "smartid.payments.payee-name", defaultValue = "HKSAR Government")
    String payeeName;

    /** Base64url of the HS256 key shared with the provider; without it every notification is refused (503). */
    @Inject
    @ConfigProperty(name = "smartid.payments.provider-secret")
    Optional<String> providerSecret;

    private FpsPayee payee;
    private PaymentProvider provider;

    @PostConstruct
    void check() {
        try {
            payee = new FpsPayee(fpsProxy, payeeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("smartid.payments.fps-proxy / smartid.payments.payee-name: " + e.getMessage(), e);
        }
        try {
            provider = providerSecret.filter(secret -> !secret.isBlank()).map(PaymentProvider::new).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("smartid.payments.provider-secret: " + e.getMessage(), e);
        }
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        payee();
    }

    /** The government's collecting account, as the FPS QR codes name it. */
    public FpsPayee payee() {
        return payee;
    }

    /** The registered payment provider; empty when the portal was given no secret for it. */
    public Optional<PaymentProvider> provider() {
        return Optional.ofNullable(provider);
    }
}
