package hk.smartid.portal.applications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Writes a new application in a transaction of its own, so that {@link Applications#submit} can tell a second
 * posting of the same form (refused by the database's unique submission key at commit) and answer with the first.
 * Only for {@link Applications}.
 */
@ApplicationScoped
public class ApplicationFiling {

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    @Inject
    Event<ApplicationStatusChanged> statusChanged;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Application file(String submissionKey, ApplicationActor resident, String serviceId, String departmentId,
                     long feeHkd, String languageTag, List<SubmittedValue> values) {
        Instant now = Instant.now();
        Application application = new Application(resident.subject(), serviceId, departmentId, feeHkd, languageTag,
                submissionKey, values, now);
        ApplicationStatusChange first = application.moveTo(ApplicationStatus.initial(feeHkd), resident, null, now);
        entityManager.persist(application);
        entityManager.persist(first);
        statusChanged.fire(Applications.event(application, first));
        return application;
    }
}
