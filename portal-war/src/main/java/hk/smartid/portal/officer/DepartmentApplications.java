package hk.smartid.portal.officer;

import hk.smartid.portal.applications.Application;
import hk.smartid.portal.applications.ApplicationStatus;
import hk.smartid.portal.applications.Applications;
import hk.smartid.portal.applications.DepartmentQuery;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One department's applications for the work queue's {@code p:dataTable}: each page, sort and filter is a query
 * for that department only ({@link Applications#ofDepartment(String, DepartmentQuery)}), so another department's
 * application is never loaded, whatever the table's request says. Filters: {@code status}, {@code serviceId},
 * {@code reference}; sorts: {@code submittedAt}, {@code updatedAt}, {@code reference}, {@code status},
 * {@code serviceId}. Unknown sort fields and filter values (a forged request) change nothing.
 */
public class DepartmentApplications extends LazyDataModel<Application> {

    private static final long serialVersionUID = 1L;

    private final Applications applications;
    private final String departmentId;

    DepartmentApplications(Applications applications, String departmentId) {
        this.applications = applications;
        this.departmentId = departmentId;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) applications.countOfDepartment(departmentId, query(Map.of(), filterBy, 0, 1));
    }

    @Override
    public List<Application> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return applications.ofDepartment(departmentId, query(sortBy, filterBy, first, Math.max(pageSize, 1)));
    }

    @Override
    public String getRowKey(Application application) {
        return application.getId();
    }

    @Override
    public Application getRowData(String rowKey) {
        return applications.ofDepartment(departmentId, rowKey).orElse(null);
    }

    static DepartmentQuery query(Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy, int first, int max) {
        SortMeta sort = sortBy.values().stream().filter(meta -> meta.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
        DepartmentQuery.Order order = sort == null ? DepartmentQuery.Order.SUBMITTED_AT : switch (sort.getField()) {
            case "updatedAt" -> DepartmentQuery.Order.UPDATED_AT;
            case "reference" -> DepartmentQuery.Order.REFERENCE;
            case "status" -> DepartmentQuery.Order.STATUS;
            case "serviceId" -> DepartmentQuery.Order.SERVICE_ID;
            default -> DepartmentQuery.Order.SUBMITTED_AT;
        };
        boolean ascending = sort == null || sort.getOrder() == SortOrder.ASCENDING;
        return new DepartmentQuery(statuses(text(filterBy, "status")), text(filterBy, "serviceId"),
                text(filterBy, "reference"), order, ascending, first, max);
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta filter = filterBy.get(field);
        Object value = filter == null ? null : filter.getFilterValue();
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** A status filter names one status; a value that names none (a forged request) filters nothing out. */
    private static Set<ApplicationStatus> statuses(String value) {
        return Arrays.stream(ApplicationStatus.values()).filter(status -> status.name().equals(value))
                .collect(Collectors.toSet());
    }
}
