package hk.smartid.chatbot.catalogue;

import hk.smartid.chatbot.language.Language;

import java.util.List;
import java.util.Map;

/**
 * What the chatbot knows of one e-service: the catalogue entry's texts and facts, nothing else (every fact an
 * answer states comes from here).
 */
public record Service(String id, Text name, Text summary, Text eligibility, Text howToApply, int feeHkd,
                      Text feeNote, int processingDays, boolean online, Text category, Text department,
                      List<Faq> faq, Map<Language, List<String>> keywords) {

    public Service {
        faq = List.copyOf(faq);
        keywords = Map.copyOf(keywords);
    }

    public List<String> keywordsIn(Language language) {
        return keywords.getOrDefault(language, List.of());
    }

    /** The service's page in the portal. */
    public String path() {
        return "/services/service?id=" + id;
    }
}
