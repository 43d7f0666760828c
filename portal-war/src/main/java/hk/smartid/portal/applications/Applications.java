package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.EService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Residents' applications: submitting, finding (always scoped to the resident or the department asking) and moving
 * them through their statuses. Every status an application gets, its first one included, is appended to its
 * history and fired as {@link ApplicationStatusChanged} inside the same transaction.
 */
@ApplicationScoped
public class Applications {

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    @Inject
    ApplicationFiling filing;

    @Inject
    Event<ApplicationStatusChanged> statusChanged;

    /**
     * Files the resident's application for {@code service}, or returns the one already filed with this submission
     * key by this resident (the same form posted again: double click, back and resubmit, a replayed request),
     * never a second one. It starts {@link ApplicationStatus#AWAITING_PAYMENT} when the service has a fee, else
     * {@link ApplicationStatus#SUBMITTED}. The values must have been validated against the service's form.
     *
     * @param submissionKey one per form the resident filled in (random, kept with the form on the server)
     * @param languageTag   the language the resident applied in
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Application submit(String submissionKey, ApplicationActor resident, EService service, String languageTag,
                              List<SubmittedValue> values) {
        if (resident.role() != ActorRole.RESIDENT) {
            throw new IllegalArgumentException("Only a resident applies");
        }
        Optional<Application> earlier = bySubmissionKey(resident.subject(), submissionKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return filing.file(submissionKey, resident, service.id(), service.department().id(),
                    service.fee().amountHkd(), languageTag, values);
        } catch (TransactionalException | PersistenceException e) {
            // The same form posted at the same moment: the first one's commit won the unique submission key.
            return bySubmissionKey(resident.subject(), submissionKey).orElseThrow(() -> e);
        }
    }

    /** The resident's applications, newest first. */
    public List<Application> ofResident(String residentSubject) {
        return entityManager.createQuery("select a from Application a where a.residentSubject = :subject"
                        + " order by a.submittedAt desc", Application.class)
                .setParameter("subject", residentSubject)
                .getResultList();
    }

    /** The resident's application with this id; empty when there is none or it is another resident's. */
    public Optional<Application> ofResident(String residentSubject, String id) {
        return entityManager.createQuery("select a from Application a where a.id = :id"
                        + " and a.residentSubject = :subject", Application.class)
                .setParameter("id", id)
                .setParameter("subject", residentSubject)
                .getResultStream().findFirst();
    }

    /**
     * The application with this reference, as typed (see {@link ApplicationReference#canonical}); for a payment
     * notification, which names only the reference. Not for showing to a person: check who may see it first.
     */
    public Optional<Application> byReference(String reference) {
        return ApplicationReference.canonical(reference).flatMap(canonical -> entityManager
                .createQuery("select a from Application a where a.reference = :reference", Application.class)
                .setParameter("reference", canonical)
                .getResultStream().findFirst());
    }

    /** The department's application with this id; empty when there is none or it is another department's. */
    public Optional<Application> ofDepartment(String departmentId, String id) {
        return entityManager.createQuery("select a from Application a where a.id = :id"
                        + " and a.departmentId = :department", Application.class)
                .setParameter("id", id)
                .setParameter("department", departmentId)
                .getResultStream().findFirst();
    }

    /** One page of the department's applications, filtered and sorted as asked. */
    public List<Application> ofDepartment(String departmentId, DepartmentQuery query) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Application> select = builder.createQuery(Application.class);
        Root<Application> application = select.from(Application.class);
        Expression<?> sortBy = application.get(switch (query.order()) {
            case SUBMITTED_AT -> "submittedAt";
            case UPDATED_AT -> "updatedAt";
            case REFERENCE -> "reference";
            case STATUS -> "status";
            case SERVICE_ID -> "serviceId";
        });
        select.where(departmentFilter(builder, application, departmentId, query))
                .orderBy(query.ascending() ? builder.asc(sortBy) : builder.desc(sortBy),
                        builder.asc(application.get("id")));
        TypedQuery<Application> page = entityManager.createQuery(select);
        return page.setFirstResult(query.first()).setMaxResults(query.max()).getResultList();
    }

    /** How many of the department's applications match the query's filters (its order and page aside). */
    public long countOfDepartment(String departmentId, DepartmentQuery query) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> count = builder.createQuery(Long.class);
        Root<Application> application = count.from(Application.class);
        count.select(builder.count(application)).where(departmentFilter(builder, application, departmentId, query));
        return entityManager.createQuery(count).getSingleResult();
    }

    /**
     * Moves the application to {@code to}, appends the change to its history and fires
     * {@link ApplicationStatusChanged}, all in one transaction. Whether the actor may act on this application (an
     * officer of its department, say) is the caller's to check first, e.g. with {@link #ofDepartment(String, String)}.
     *
     * @throws StatusChangeRefusedException when its status does not allow {@code to}, or not by the actor's role
     * @throws NoSuchElementException       when there is no application with this id
     */
    @Transactional
    public Application changeStatus(String id, ApplicationStatus to, ApplicationActor actor, String note) {
        Application application = Optional.ofNullable(
                        entityManager.find(Application.class, id))
                .orElseThrow(() -> new NoSuchElementException("No application " + id));
        ApplicationStatus from = application.getStatus();
        if (!from.canChangeTo(to, actor.role())) {
            throw new StatusChangeRefusedException(application.getReference(), from, to, actor.role());
        }
        ApplicationStatusChange change = application.moveTo(to, actor, blankToNull(note), Instant.now());
        entityManager.persist(change);
        statusChanged.fire(event(application, change));
        return application;
    }

    static ApplicationStatusChanged event(Application application, ApplicationStatusChange change) {
        return new ApplicationStatusChanged(application.getId(), application.getReference(),
                application.getResidentSubject(), application.getServiceId(), application.getDepartmentId(),
                change.getStatus(), change.getActor(), change.getNote(), change.getChangedAt());
    }

    private Optional<Application> bySubmissionKey(String residentSubject, String submissionKey) {
        return entityManager.createQuery("select a from Application a where a.residentSubject = :subject"
                        + " and a.submissionKey = :key", Application.class)
                .setParameter("subject", residentSubject)
                .setParameter("key", submissionKey)
                .getResultStream().findFirst();
    }

    private static Predicate[] departmentFilter(CriteriaBuilder builder, Root<Application> application,
                                                String departmentId, DepartmentQuery query) {
        List<Predicate> filters = new ArrayList<>();
        filters.add(builder.equal(application.get("departmentId"), departmentId));
        if (!query.statuses().isEmpty()) {
            filters.add(application.get("status").in(query.statuses()));
        }
        if (query.serviceId() != null) {
            filters.add(builder.equal(application.get("serviceId"), query.serviceId()));
        }
        if (query.reference() != null && !query.reference().isBlank()) {
            String text = query.reference().strip().toUpperCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            filters.add(builder.like(application.get("reference"), "%" + text + "%", '\\'));
        }
        return filters.toArray(Predicate[]::new);
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
