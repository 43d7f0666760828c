package hk.smartid.portal.catalogue;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GovHK e-service catalogue as the departments publish it ({@code config/catalogue/services.json}),
 * checked by {@link CatalogueFile}: every reference resolved, every text in the three languages.
 *
 * @param version changes whenever the content does
 * @param note    the disclaimer shown with the catalogue
 */
public record ServiceCatalogue(String version, TrilingualText note, List<Category> categories,
                               List<Department> departments, List<EService> services) implements Serializable {

    /** No catalogue accepted yet: pages say that the list of e-services is unavailable. */
    public static final ServiceCatalogue EMPTY = new ServiceCatalogue("", new TrilingualText("", "", ""),
            List.of(), List.of(), List.of());

    public ServiceCatalogue {
        categories = List.copyOf(categories);
        departments = List.copyOf(departments);
        services = List.copyOf(services);
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }

    public Optional<EService> service(String id) {
        return Optional.ofNullable(servicesById().get(id));
    }

    public Optional<Category> category(String id) {
        return categories.stream().filter(category -> category.id().equals(id)).findFirst();
    }

    /** The category's services in catalogue order. */
    public List<EService> servicesIn(Category category) {
        return services.stream().filter(service -> service.category().id().equals(category.id())).toList();
    }

    private Map<String, EService> servicesById() {
        return services.stream().collect(Collectors.toMap(EService::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}
