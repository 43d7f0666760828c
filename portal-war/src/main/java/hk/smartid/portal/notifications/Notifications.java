package hk.smartid.portal.notifications;

import hk.smartid.portal.applications.ApplicationStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Residents' notifications; every read and change names the resident, so nobody reaches another's messages. */
@ApplicationScoped
public class Notifications {

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    /**
     * One message per status an application gets, written in the transaction that changes it (the event is fired
     * synchronously inside it; MANDATORY refuses to write a message for a change that is not being committed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onStatusChanged(@Observes ApplicationStatusChanged change) {
        entityManager.persist(new Notification(UUID.randomUUID().toString(), change.residentSubject(),
                change.applicationId(), change.reference(), change.serviceId(), change.status().name(),
                LocalDateTime.ofInstant(change.at(), ZoneOffset.UTC)));
    }

    /** The resident's messages, newest first. */
    public List<Notification> of(String residentSubject) {
        return entityManager.createQuery("select n from Notification n where n.residentSubject = :subject"
                        + " order by n.createdAt desc, n.id", Notification.class)
                .setParameter("subject", residentSubject)
                .getResultList();
    }

    public long unreadCount(String residentSubject) {
        return entityManager.createQuery("select count(n) from Notification n where n.residentSubject = :subject"
                        + " and n.readAt is null", Long.class)
                .setParameter("subject", residentSubject)
                .getSingleResult();
    }

    /** The message if it is this resident's; another resident's id is as unknown as one that never existed. */
    public Optional<Notification> find(String residentSubject, String id) {
        return Optional.ofNullable(id == null ? null : entityManager.find(Notification.class, id))
                .filter(n -> n.getResidentSubject().equals(residentSubject));
    }

    /** Marks the resident's own message read (again: nothing changes); empty if it is not theirs. */
    @Transactional
    public Optional<Notification> markRead(String residentSubject, String id) {
        Optional<Notification> notification = find(residentSubject, id);
        notification.ifPresent(n -> n.markRead(LocalDateTime.now(ZoneOffset.UTC)));
        return notification;
    }

    /** Marks every message of the resident read. */
    @Transactional
    public void markAllRead(String residentSubject) {
        entityManager.createQuery("update Notification n set n.readAt = :now where n.residentSubject = :subject"
                        + " and n.readAt is null")
                .setParameter("now", LocalDateTime.now(ZoneOffset.UTC))
                .setParameter("subject", residentSubject)
                .executeUpdate();
    }
}
