package hk.smartid.portal.officer;

import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.applications.DepartmentQuery;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the work queue's table asks (page, sort, filters) becomes one query of the department's applications. */
class DepartmentApplicationsTest {

    @Test
    void theTablesSortAndFiltersBecomeTheQuery() {
        DepartmentQuery query = DepartmentApplications.query(
                Map.of("updatedAt", SortMeta.builder().field("updatedAt").order(SortOrder.DESCENDING).build()),
                Map.of("status", filter("status", "IN_PROGRESS"), "serviceId", filter("serviceId", "senior-citizen-card"),
                        "reference", filter("reference", " 7k2m ")), 40, 20);

        assertThat(query).isEqualTo(new DepartmentQuery(Set.of(ApplicationStatus.IN_PROGRESS), "senior-citizen-card",
                "7k2m", DepartmentQuery.Order.UPDATED_AT, false, 40, 20));
    }

    @Test
    void noSortIsOldestFirstAndUnknownFieldsOrValuesChangeNothing() {
        DepartmentQuery query = DepartmentApplications.query(
                Map.of("departmentId", SortMeta.builder().field("departmentId").order(SortOrder.ASCENDING).build()),
                Map.of("status", filter("status", "DROP TABLE"), "reference", filter("reference", "  ")), 0, 20);

        assertThat(query).isEqualTo(new DepartmentQuery(Set.of(), null, null, DepartmentQuery.Order.SUBMITTED_AT,
                true, 0, 20));
        assertThat(DepartmentApplications.query(Map.of(), Map.of(), 0, 20)).isEqualTo(DepartmentQuery.all(20));
    }

    private static FilterMeta filter(String field, String value) {
        return FilterMeta.builder().field(field).filterValue(value).build();
    }
}
