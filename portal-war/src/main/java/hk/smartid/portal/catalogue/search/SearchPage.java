package hk.smartid.portal.catalogue.search;

import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.i18n.LanguagePreference;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The search page, a plain GET form so that results can be bookmarked: /services/search?q=生果金. */
@Named
@RequestScoped
public class SearchPage {

    /** Results shown on the page. */
    static final int LIMIT = 20;

    @Inject
    PortalCatalogue catalogue;

    @Inject
    LanguagePreference languagePreference;

    private String q;
    private List<SearchHit> hits;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public boolean isSearched() {
        return q != null && !q.isBlank();
    }

    public List<SearchHit> getHits() {
        if (hits == null) {
            hits = isSearched() ? catalogue.search().search(q, languagePreference.getLanguage(), LIMIT) : List.of();
        }
        return hits;
    }
}
