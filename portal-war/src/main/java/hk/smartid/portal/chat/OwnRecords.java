package hk.smartid.portal.chat;

import hk.smartid.chatbot.answer.ResidentRecords;
import hk.smartid.chatbot.language.Language;
import hk.smartid.portal.applications.Application;
import hk.smartid.portal.applications.Applications;
import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.notifications.Notification;
import hk.smartid.portal.notifications.Notifications;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The signed-in resident's own applications and unread messages for the chatbot, read through the portal's
 * services scoped to the resident's subject (never anyone else's), named and worded as the portal's own pages do.
 */
final class OwnRecords implements ResidentRecords {

    private final String subject;
    private final Applications applications;
    private final Notifications notifications;
    private final PortalCatalogue catalogue;

    OwnRecords(String subject, Applications applications, Notifications notifications, PortalCatalogue catalogue) {
        this.subject = subject;
        this.applications = applications;
        this.notifications = notifications;
        this.catalogue = catalogue;
    }

    @Override
    public List<Entry> applications(Language language) {
        ResourceBundle messages = messages(language);
        return applications.ofResident(subject).stream()
                .map((Application application) -> new Entry(
                        serviceName(application.getServiceId(), language) + " (" + application.getReference() + ")",
                        messages.getString(application.getStatus().messageKey()), "/application?id=" + application.getId()))
                .toList();
    }

    @Override
    public List<Entry> unreadMessages(Language language) {
        ResourceBundle messages = messages(language);
        return notifications.of(subject).stream().filter(notification -> !notification.isRead())
                .map((Notification notification) -> new Entry(
                        serviceName(notification.getServiceId(), language) + " (" + notification.getApplicationReference() + ")",
                        messages.getString("application.status." + notification.getStatus()), "/notifications"))
                .toList();
    }

    private String serviceName(String serviceId, Language language) {
        return catalogue.getContent().service(serviceId).map((EService service) -> service.name().in(language.tag()))
                .orElse(serviceId);
    }

    private static ResourceBundle messages(Language language) {
        return ResourceBundle.getBundle("hk.smartid.portal.i18n.messages", language.locale());
    }
}
