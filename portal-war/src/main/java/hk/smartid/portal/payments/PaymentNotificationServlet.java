package hk.smartid.portal.payments;

import hk.smartid.portal.web.JsonAnswer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@value #PATH}: where the registered payment provider notifies the portal of a paid fee. The body is the
 * notification, a compact JWS ({@code Content-Type: application/jwt}) that {@link PaymentProvider} checks; the
 * answer is JSON: {@code 200} applied (or exactly this notification applied before), {@code 401} not signed by
 * the provider or expired, {@code 404} no application with the reference, {@code 422} not the fee in HKD or an
 * application not awaiting payment, {@code 409} the id of an earlier, different notification, {@code 400} a
 * malformed body, {@code 503} no provider configured. A {@code 200} is sent only once the transaction committed.
 */
@WebServlet(urlPatterns = PaymentNotificationServlet.PATH)
public class PaymentNotificationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/payments/notifications";
    /** Far above a notification's size: a larger body is refused unread. */
    private static final int MAX_BODY = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(PaymentNotificationServlet.class.getName());

    @Inject
    transient PaymentSettings settings;

    @Inject
    transient Payments payments;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PaymentProvider> provider = settings.provider();
        if (provider.isEmpty()) {
            JsonAnswer.write(response, 503, error("payments_unavailable", "No payment provider is registered with the portal"));
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/jwt")) {
            JsonAnswer.write(response, 415, error("unsupported_media_type", "The notification is sent as application/jwt"));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            JsonAnswer.write(response, 413, error("too_large", "A notification is at most " + MAX_BODY + " bytes"));
            return;
        }
        PaymentNotification notification;
        try {
            notification = provider.get().read(new String(body, StandardCharsets.US_ASCII).trim());
        } catch (UntrustedNotificationException e) {
            LOG.warning(() -> "Payment notification refused as not from the provider: " + e.getMessage());
            response.setHeader("WWW-Authenticate", "JWS realm=\"payment-notifications\"");
            JsonAnswer.write(response, 401, error("invalid_signature",
                    "Not a notification signed by the registered payment provider, or expired"));
            return;
        } catch (IllegalArgumentException e) {
            JsonAnswer.write(response, 400, error("invalid_notification", e.getMessage()));
            return;
        }
        Payments.Outcome outcome = apply(notification);
        if (outcome == null) {
            JsonAnswer.write(response, 503, error("temporarily_unavailable", "Try again later: nothing was applied"));
            return;
        }
        LOG.info(() -> "Payment notification " + notification.id() + " for " + notification.reference() + ": " + outcome);
        switch (outcome) {
            case APPLIED, ALREADY_APPLIED -> JsonAnswer.write(response, 200, Json.createObjectBuilder()
                    .add("notification_id", notification.id())
                    .add("reference", notification.reference())
                    .add("result", outcome == Payments.Outcome.APPLIED ? "applied" : "already_applied")
                    .build().toString());
            case UNKNOWN_REFERENCE -> JsonAnswer.write(response, 404, error("unknown_reference",
                    "No application with this reference"));
            case WRONG_AMOUNT -> JsonAnswer.write(response, 422, error("wrong_amount",
                    "The amount or currency is not the application's fee in HKD"));
            case NOT_AWAITING_PAYMENT -> JsonAnswer.write(response, 422, error("not_awaiting_payment",
                    "The application is not awaiting payment"));
            case ID_REUSED -> JsonAnswer.write(response, 409, error("notification_id_reused",
                    "A different notification was applied under this id"));
        }
    }

    /** The outcome, or null when the notification could not be applied (nothing was). */
    private Payments.Outcome apply(PaymentNotification notification) {
        try {
            return payments.apply(notification);
        } catch (RuntimeException first) {
            // Notifications for one application take turns on its row lock, so what is left is a lock wait that
            // timed out or another notification inserting the same payment id first: our transaction rolled back;
            // read again what the other one committed.
            LOG.log(Level.INFO, "Payment notification " + notification.id() + " conflicted; applying it again", first);
            try {
                return payments.apply(notification);
            } catch (RuntimeException again) {
                LOG.log(Level.SEVERE, "Payment notification " + notification.id() + " could not be applied", again);
                return null;
            }
        }
    }

    private static String error(String code, String description) {
        return Json.createObjectBuilder().add("error", code).add("error_description", description).build().toString();
    }
}
