package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.ProjectCatalogue;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The applications' mapping and queries on EclipseLink (Payara's JPA provider) and an H2 file migrated by Flyway,
 * as in the portal. Transactions are the test's own here; the JTA behaviour (one transaction with the event's
 * observers, a form posted twice at once) is tested on the real portal (ApplyOnlineIT).
 */
class ApplicationsTest {

    private static final ApplicationActor CHAN = ApplicationActor.resident("resident-chan", "Chan Tai Man");
    private static final ApplicationActor OFFICER = ApplicationActor.officer("officer-1", "Officer Wong");

    @TempDir
    Path directory;

    private EntityManagerFactory factory;
    private EntityManager entityManager;
    private Applications applications;
    private final List<ApplicationStatusChanged> fired = new ArrayList<>();

    @BeforeEach
    void startDatabase() {
        String url = "jdbc:h2:file:" + directory.resolve("smartid") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "", "").locations("classpath:hk/smartid/portal/database/migration")
                .load().migrate();
        factory = Persistence.createEntityManagerFactory("smartid-test", Map.of(
                "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
        entityManager = factory.createEntityManager();
        applications = new Applications();
        applications.entityManager = entityManager;
        applications.statusChanged = new Recorded();
        applications.filing = new ApplicationFiling();
        applications.filing.entityManager = entityManager;
        applications.filing.statusChanged = new Recorded();
    }

    @AfterEach
    void stopDatabase() {
        entityManager.close();
        factory.close();
    }

    @Test
    void anApplicationIsStoredWithItsValuesAndFirstStatus() {
        EService passport = service("passport-application");
        Application filed = inTransaction(() -> applications.filing.file("key-1", CHAN, passport.id(),
                passport.department().id(), passport.fee().amountHkd(), "zh-HK", List.of(
                        new SubmittedValue("hkidNumber", "A123456(3)", true, true),
                        new SubmittedValue("purpose", "travel", false, false))));
        entityManager.clear();

        Application read = applications.ofResident(CHAN.subject(), filed.getId()).orElseThrow();
        assertThat(read.getReference()).isEqualTo(filed.getReference()).startsWith("SID-");
        assertThat(read.getStatus()).isEqualTo(ApplicationStatus.AWAITING_PAYMENT);
        assertThat(read.getFeeHkd()).isEqualTo(passport.fee().amountHkd()).isPositive();
        assertThat(read.getLanguage()).isEqualTo("zh-HK");
        assertThat(read.getDepartmentId()).isEqualTo(passport.department().id());
        assertThat(read.getValues()).extracting(SubmittedValue::getFieldName, SubmittedValue::getValue,
                        SubmittedValue::isPrefilled, SubmittedValue::isVerified)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hkidNumber", "A123456(3)", true, true),
                        org.assertj.core.groups.Tuple.tuple("purpose", "travel", false, false));
        assertThat(read.getHistory()).singleElement().satisfies(first -> {
            assertThat(first.getStatus()).isEqualTo(ApplicationStatus.AWAITING_PAYMENT);
            assertThat(first.getActor()).isEqualTo(CHAN);
        });
        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.applicationId()).isEqualTo(filed.getId());
            assertThat(event.status()).isEqualTo(ApplicationStatus.AWAITING_PAYMENT);
            assertThat(event.residentSubject()).isEqualTo(CHAN.subject());
        });
        assertThat(applications.byReference(filed.getReference().toLowerCase().replace("-", " ")))
                .map(Application::getId).contains(filed.getId());
    }

    @Test
    void theSameFormSubmittedAgainIsTheSameApplication() {
        EService free = freeService();
        Application first = inTransaction(() -> applications.submit("key-1", CHAN, free, "en", List.of()));
        assertThat(first.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);

        Application again = applications.submit("key-1", CHAN, free, "en", List.of());

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(applications.ofResident(CHAN.subject())).hasSize(1);
        assertThat(fired).hasSize(1);
    }

    @Test
    void aResidentFindsOnlyTheirOwnApplications() {
        EService free = freeService();
        Application chans = inTransaction(() -> applications.submit("key-1", CHAN, free, "en", List.of()));
        ApplicationActor lee = ApplicationActor.resident("resident-lee", "Lee Siu Ming");

        assertThat(applications.ofResident(lee.subject(), chans.getId())).isEmpty();
        assertThat(applications.ofResident(lee.subject())).isEmpty();
        assertThat(applications.ofDepartment("no-such-department", chans.getId())).isEmpty();
        assertThat(applications.ofDepartment(free.department().id(), chans.getId())).isPresent();
    }

    @Test
    void officersMoveAnApplicationAndEveryChangeIsKept() {
        EService free = freeService();
        Application filed = inTransaction(() -> applications.submit("key-1", CHAN, free, "en", List.of()));

        inTransaction(() -> applications.changeStatus(filed.getId(), ApplicationStatus.IN_PROGRESS, OFFICER, " "));
        inTransaction(() -> applications.changeStatus(filed.getId(), ApplicationStatus.APPROVED, OFFICER,
                "All documents in order"));
        assertThatThrownBy(() -> inTransaction(() -> applications.changeStatus(filed.getId(),
                ApplicationStatus.REJECTED, OFFICER, "too late"))).isInstanceOf(StatusChangeRefusedException.class);
        entityManager.clear();

        Application read = applications.ofResident(CHAN.subject(), filed.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(read.getHistory()).extracting(ApplicationStatusChange::getStatus).containsExactly(
                ApplicationStatus.SUBMITTED, ApplicationStatus.IN_PROGRESS, ApplicationStatus.APPROVED);
        assertThat(read.getHistory().get(1).getNote()).isNull();
        assertThat(read.getHistory().get(2).getNote()).isEqualTo("All documents in order");
        assertThat(read.getHistory().get(2).getActor()).isEqualTo(OFFICER);
        assertThat(fired).extracting(ApplicationStatusChanged::status).containsExactly(
                ApplicationStatus.SUBMITTED, ApplicationStatus.IN_PROGRESS, ApplicationStatus.APPROVED);
    }

    @Test
    void aDepartmentsQueueIsFilteredSortedAndPaged() {
        EService free = freeService();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "key-" + i;
            ids.add(inTransaction(() -> applications.submit(key, CHAN, free, "en", List.of())).getId());
        }
        inTransaction(() -> applications.changeStatus(ids.get(0), ApplicationStatus.IN_PROGRESS, OFFICER, null));
        String department = free.department().id();

        assertThat(applications.countOfDepartment(department, DepartmentQuery.all(10))).isEqualTo(5);
        assertThat(applications.ofDepartment(department, DepartmentQuery.all(2))).hasSize(2);
        DepartmentQuery inProgress = new DepartmentQuery(Set.of(ApplicationStatus.IN_PROGRESS), null, null,
                DepartmentQuery.Order.REFERENCE, false, 0, 10);
        assertThat(applications.ofDepartment(department, inProgress)).extracting(Application::getId)
                .containsExactly(ids.get(0));
        assertThat(applications.countOfDepartment("other", DepartmentQuery.all(10))).isZero();
        String reference = applications.ofDepartment(department, ids.get(3)).orElseThrow().getReference();
        DepartmentQuery byReference = new DepartmentQuery(Set.of(), free.id(), reference.substring(5, 13)
                .toLowerCase(), DepartmentQuery.Order.SUBMITTED_AT, true, 0, 10);
        assertThat(applications.ofDepartment(department, byReference)).extracting(Application::getId)
                .containsExactly(ids.get(3));
        DepartmentQuery wildcard = new DepartmentQuery(Set.of(), null, "%", DepartmentQuery.Order.STATUS, true, 0, 10);
        assertThat(applications.ofDepartment(department, wildcard)).isEmpty();
    }

    private static EService service(String id) {
        return ProjectCatalogue.parsed().service(id).orElseThrow();
    }

    private static EService freeService() {
        return service("public-rental-housing");
    }

    private <T> T inTransaction(Supplier<T> work) {
        entityManager.getTransaction().begin();
        try {
            T result = work.get();
            entityManager.getTransaction().commit();
            return result;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
        }
    }

    /** Records the events fired, as a synchronous observer would see them. */
    private final class Recorded implements Event<ApplicationStatusChanged> {
        @Override
        public void fire(ApplicationStatusChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends ApplicationStatusChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ApplicationStatusChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<ApplicationStatusChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ApplicationStatusChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ApplicationStatusChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
