package hk.smartid.portal.bookmarks;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.ServicePage;
import hk.smartid.portal.login.SignedInResident;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;

/**
 * The signed-in resident's bookmarks: the button on a service page (a JSF form, so the view state protects it
 * from forged requests) and the list on the dashboard. The resident is always the one of this session.
 */
@Named
@RequestScoped
public class ServiceBookmark {

    @Inject
    Bookmarks bookmarks;

    @Inject
    SignedInResident resident;

    @Inject
    ServicePage servicePage;

    public boolean isBookmarked() {
        return resident.subject().map(subject -> bookmarks.has(subject, servicePage.getId())).orElse(false);
    }

    /**
     * Bookmarks the page's service, or removes the bookmark, then shows the page again (post/redirect/get). The id
     * is checked against the catalogue again: a postback can name any id, and one the catalogue lacks is a 404.
     */
    public String toggle() {
        Optional<String> subject = resident.subject();
        servicePage.load();
        if (subject.isEmpty() || servicePage.getService() == null) {
            return null;
        }
        String serviceId = servicePage.getService().id();
        if (bookmarks.has(subject.get(), serviceId)) {
            bookmarks.remove(subject.get(), serviceId);
        } else {
            bookmarks.add(subject.get(), serviceId);
        }
        return "/services/service?faces-redirect=true&includeViewParams=true";
    }

    private List<EService> mine;

    /**
     * The resident's bookmarked services, read once per request: the dashboard asks for them three times while it
     * renders, and each asking was a database query (a fifth of the dashboard's time under load, PortalLoadBenchmark).
     */
    public List<EService> getMine() {
        if (mine == null) {
            mine = resident.subject().map(bookmarks::of).orElse(List.of());
        }
        return mine;
    }
}
