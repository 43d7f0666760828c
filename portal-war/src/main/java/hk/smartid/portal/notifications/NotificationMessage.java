package hk.smartid.portal.notifications;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.i18n.HongKongTime;

import java.time.ZoneOffset;

/**
 * A notification as a page shows it: the facts kept and the service from the catalogue. The sentence itself is the bundle's {@code notification.text.<STATUS>} in the reader's language.
 */
public record NotificationMessage(Notification notification, EService service) {

    public String getId() {
        return notification.getId();
    }

    public String getStatus() {
        return notification.getStatus();
    }

    public boolean isRead() {
        return notification.isRead();
    }

    public String getApplicationId() {
        return notification.getApplicationId();
    }

    public String getReference() {
        return notification.getApplicationReference();
    }

    /** The service's name in that language; its id should the catalogue no longer have it. */
    public String serviceName(String languageTag) {
        return service == null ? notification.getServiceId() : service.name().in(languageTag);
    }

    /** When it was sent, Hong Kong time in the reader's language. */
    public String getSentAt() {
        return HongKongTime.format(notification.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String getSentAtIso() {
        return notification.getCreatedAt().toInstant(ZoneOffset.UTC).toString();
    }
}
