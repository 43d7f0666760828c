package hk.smartid.portal.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The page of one e-service: /services/service?id=driving-licence-renewal. */
@Named
@RequestScoped
public class ServicePage extends CataloguePage {

    @Inject
    PortalCatalogue catalogue;

    private String id;
    private EService service;

    /** f:viewAction: an unknown id answers 404. */
    public void load() {
        service = id == null ? null : catalogue.getContent().service(id).orElse(null);
        if (service == null) {
            notFound();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public EService getService() {
        return service;
    }
}
