package hk.smartid.portal.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue as a CSV table for open data: one row per service and language (so each text is one cell in
 * one language), with the same texts the service pages show.
 */
final class OpenData {

    static final List<String> CSV_COLUMNS = List.of("id", "language", "name", "category_id", "category",
            "department_id", "department", "summary", "eligibility", "how_to_apply", "fee_hkd", "fee_note",
            "processing_working_days", "assurance", "online", "keywords", "page");

    private OpenData() {
    }

    /**
     * @param pageUrl the address of the service pages without the id, e.g. https://portal/services/service?id=
     */
    static String csv(ServiceCatalogue catalogue, String pageUrl) {
        CsvTable table = new CsvTable().row(CSV_COLUMNS);
        for (EService service : catalogue.services()) {
            for (String language : CatalogueFile.LANGUAGES) {
                List<String> row = new ArrayList<>();
                row.add(service.id());
                row.add(language);
                row.add(service.name().in(language));
                row.add(service.category().id());
                row.add(service.category().name().in(language));
                row.add(service.department().id());
                row.add(service.department().name().in(language));
                row.add(service.summary().in(language));
                row.add(service.eligibility().in(language));
                row.add(service.howToApply().in(language));
                row.add(Long.toString(service.fee().amountHkd()));
                row.add(service.fee().note().in(language));
                row.add(Integer.toString(service.processingDays()));
                row.add(service.assurance().value());
                row.add(Boolean.toString(service.online()));
                row.add(String.join("; ", service.keywordsIn(language)));
                row.add(pageUrl + service.id());
                table.row(row);
            }
        }
        return table.toString();
    }
}
