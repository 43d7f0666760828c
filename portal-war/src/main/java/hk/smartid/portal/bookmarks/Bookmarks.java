package hk.smartid.portal.bookmarks;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.PortalCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Residents' bookmarks, keyed by the resident's subject and the catalogue's service id. */
@ApplicationScoped
public class Bookmarks {

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    @Inject
    PortalCatalogue catalogue;

    public boolean has(String residentSubject, String serviceId) {
        return entityManager.find(Bookmark.class, new Bookmark.Key(residentSubject, serviceId)) != null;
    }

    /** Bookmarks a service of the catalogue (again: nothing changes); an id not in the catalogue is refused. */
    @Transactional
    public void add(String residentSubject, String serviceId) {
        if (catalogue.getContent().service(serviceId).isEmpty()) {
            throw new IllegalArgumentException("No e-service '" + serviceId + "' in the catalogue");
        }
        if (!has(residentSubject, serviceId)) {
            entityManager.persist(new Bookmark(residentSubject, serviceId, LocalDateTime.now(ZoneOffset.UTC)));
        }
    }

    @Transactional
    public void remove(String residentSubject, String serviceId) {
        Optional.ofNullable(entityManager.find(Bookmark.class, new Bookmark.Key(residentSubject, serviceId)))
                .ifPresent(entityManager::remove);
    }

    /** The resident's bookmarked services, newest first; a service since removed from the catalogue is left out. */
    public List<EService> of(String residentSubject) {
        return entityManager.createQuery("select b.serviceId from Bookmark b where b.residentSubject = :subject"
                        + " order by b.createdAt desc", String.class)
                .setParameter("subject", residentSubject)
                .getResultStream()
                .flatMap(id -> catalogue.getContent().service(id).stream())
                .toList();
    }
}
