package hk.smartid.portal.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The e-services of one category: /services/category?id=transport. */
@Named
@RequestScoped
public class CategoryPage extends CataloguePage {

    @Inject
    PortalCatalogue catalogue;

    private String id;
    private Category category;

    /** f:viewAction: an unknown id answers 404. */
    public void load() {
        category = id == null ? null : catalogue.getContent().category(id).orElse(null);
        if (category == null) {
            notFound();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Category getCategory() {
        return category;
    }

    public List<EService> getServices() {
        return category == null ? List.of() : catalogue.servicesIn(category);
    }
}
