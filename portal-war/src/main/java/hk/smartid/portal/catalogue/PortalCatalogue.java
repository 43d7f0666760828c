package hk.smartid.portal.catalogue;

import hk.smartid.portal.catalogue.search.ServiceSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The catalogue the portal serves: imported once at start-up ({@link CatalogueImport}) from the file named by
 * {@code smartid.catalogue.file}, the accepted copy kept in {@code smartid.catalogue.data-dir} (both set by the
 * launcher: config/catalogue/services.json and var/portal/catalogue), with its search index.
 */
@Named("catalogue")
@ApplicationScoped
public class PortalCatalogue {

    private static final Logger LOG = Logger.getLogger(PortalCatalogue.class.getName());

    @Inject
    @ConfigProperty(name = "smartid.catalogue.file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "smartid.catalogue.data-dir")
    Optional<String> dataDir;

    /** Service ids shown as popular on the catalogue's home page, in this order; unknown ids are skipped. */
    @Inject
    @ConfigProperty(name = "smartid.catalogue.popular", defaultValue = "driving-licence-renewal,"
            + "public-rental-housing,home-ownership-scheme,old-age-living-allowance,salaries-tax-return,"
            + "passport-application,elderly-health-care-voucher,leisure-facility-booking")
    List<String> popularIds;

    private volatile ServiceCatalogue catalogue = ServiceCatalogue.EMPTY;
    private volatile String json = "";
    private volatile ServiceSearch search = new ServiceSearch(ServiceCatalogue.EMPTY);

    void importAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (file.isEmpty() || dataDir.isEmpty()) {
            LOG.warning("smartid.catalogue.file or smartid.catalogue.data-dir is not set: the portal lists no e-service");
            return;
        }
        CatalogueImport.Outcome outcome = new CatalogueImport(Path.of(file.get()), Path.of(dataDir.get())).run();
        search = new ServiceSearch(outcome.catalogue());
        json = outcome.json();
        catalogue = outcome.catalogue();
    }

    public ServiceCatalogue getContent() {
        return catalogue;
    }

    public ServiceSearch search() {
        return search;
    }

    /** The accepted catalogue file as it is, published as open data. */
    public String json() {
        return json;
    }

    public boolean isAvailable() {
        return !catalogue.isEmpty();
    }

    public List<Category> getCategories() {
        return catalogue.categories();
    }

    public List<EService> getPopular() {
        return popularIds.stream().map(String::strip).map(catalogue::service).flatMap(Optional::stream).toList();
    }

    public List<EService> servicesIn(Category category) {
        return catalogue.servicesIn(category);
    }
}
