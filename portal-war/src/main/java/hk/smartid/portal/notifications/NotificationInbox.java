package hk.smartid.portal.notifications;

import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.web.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;

/**
 * The signed-in resident's messages: the unread count in every page's header, the inbox (/notifications) and one
 * message (/notification?id=). The resident is always the one of this session; an id that is not theirs is a 404.
 */
@Named
@RequestScoped
public class NotificationInbox {

    @Inject
    Notifications notifications;

    @Inject
    SignedInResident resident;

    @Inject
    PortalCatalogue catalogue;

    private List<NotificationMessage> messages;
    private Long unreadCount;
    private String id;
    private NotificationMessage message;

    public long getUnreadCount() {
        if (unreadCount == null) {
            unreadCount = resident.subject().map(notifications::unreadCount).orElse(0L);
        }
        return unreadCount;
    }

    /** Newest first. */
    public List<NotificationMessage> getMessages() {
        if (messages == null) {
            messages = resident.subject().map(notifications::of).orElse(List.of()).stream()
                    .map(this::message).toList();
        }
        return messages;
    }

    /**
     * Opening a message from the inbox (a JSF form, so the view state protects it) marks it read, then shows it.
     * The id comes with the request: one that is not this resident's is a 404 and nothing changes.
     */
    public String open() {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        Optional<String> subject = resident.subject();
        if (subject.isEmpty() || notifications.markRead(subject.get(), requested).isEmpty()) {
            NotFound.send();
            return null;
        }
        return "/notification?faces-redirect=true&id=" + requested;
    }

    public String markAllRead() {
        resident.subject().ifPresent(notifications::markAllRead);
        return "/notifications?faces-redirect=true";
    }

    /** f:viewAction of /notification: the message if it is this resident's, else a 404. */
    public void load() {
        message = resident.subject().flatMap(subject -> notifications.find(subject, id)).map(this::message).orElse(null);
        if (message == null) {
            NotFound.send();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public NotificationMessage getMessage() {
        return message;
    }

    private NotificationMessage message(Notification notification) {
        return new NotificationMessage(notification, catalogue.getContent().service(notification.getServiceId()).orElse(null));
    }
}
