package hk.smartid.portal.catalogue;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One government e-service of the catalogue.
 *
 * @param form     the application form's fields; empty when the service cannot be applied for online
 * @param keywords per language tag, the words residents really use for it (colloquial names, abbreviations)
 */
public record EService(String id, Category category, Department department, Assurance assurance, boolean online,
                       TrilingualText name, TrilingualText summary, TrilingualText eligibility,
                       TrilingualText howToApply, Fee fee, int processingDays, List<FormField> form,
                       List<Faq> faq, Map<String, List<String>> keywords) implements Serializable {

    public EService {
        form = List.copyOf(form);
        faq = List.copyOf(faq);
        keywords = Map.copyOf(keywords);
    }

    public List<String> keywordsIn(String languageTag) {
        return keywords.getOrDefault(languageTag, List.of());
    }
}
