package hk.smartid.catalogue;

import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static hk.smartid.catalogue.CatalogueEntries.html;
import static hk.smartid.catalogue.CatalogueEntries.objects;
import static hk.smartid.catalogue.CatalogueEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-service catalogue on the real portal (Payara with the EAR, the catalogue file installed by the launcher
 * from config/): a page for every service in every language, search in Chinese and English, open data.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueIT {

    private static final List<String> LANGUAGES = List.of("en", "zh-HK", "zh-CN");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Platform platform;
    private List<Map<String, Object>> services;
    private List<Map<String, Object>> categories;

    CatalogueIT(Platform platform) {
        this.platform = platform;
    }

    @BeforeAll
    void readTheCatalogueFile() throws Exception {
        CatalogueEntries catalogue = CatalogueEntries.of(platform);
        services = catalogue.services();
        categories = catalogue.categories();
        assertThat(services).hasSize(53);
    }

    @Test
    void everyServiceHasAPageInEveryLanguage() throws Exception {
        for (Map<String, Object> service : services) {
            for (String language : LANGUAGES) {
                HttpResponse<String> page = get("/services/service?id=" + service.get("id"), language);

                assertThat(page.statusCode()).as("%s in %s", service.get("id"), language).isEqualTo(200);
                assertThat(page.body()).as("%s in %s", service.get("id"), language)
                        .contains("lang=\"" + language + "\"")
                        .contains(html(text(service, "name", language)))
                        .contains(html(text(service, "summary", language)))
                        .contains(html(text(service, "eligibility", language)));
            }
        }
    }

    @Test
    void everyCategoryHasAPageListingItsServices() throws Exception {
        for (Map<String, Object> category : categories) {
            for (String language : LANGUAGES) {
                HttpResponse<String> page = get("/services/category?id=" + category.get("id"), language);

                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains(html(text(category, "name", language)));
                for (Map<String, Object> service : services) {
                    if (service.get("category").equals(category.get("id"))) {
                        assertThat(page.body()).contains(html(text(service, "name", language)));
                    }
                }
            }
        }
    }

    @Test
    void theCatalogueHomeListsCategoriesAndPopularServicesAndIsLinkedFromTheHomePage() throws Exception {
        HttpResponse<String> home = get("/", "zh-HK");
        HttpResponse<String> catalogue = get("/services/", "zh-HK");

        assertThat(home.body()).contains("href=\"/services/\"");
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.body()).contains("data-testid=\"popular-services\"", "href=\"/services/service?id=driving-licence-renewal\"");
        for (Map<String, Object> category : categories) {
            assertThat(catalogue.body()).contains(html(text(category, "name", "zh-HK")));
        }
        assertThat(catalogue.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void anUnknownServiceOrCategoryIsNotFound() throws Exception {
        assertThat(get("/services/service?id=no-such-service", "en").statusCode()).isEqualTo(404);
        assertThat(get("/services/service", "en").statusCode()).isEqualTo(404);
        assertThat(get("/services/category?id=nothing", "en").statusCode()).isEqualTo(404);
    }

    /** Neither a page nor an error answer names the server, its version or the JDK (set in the domain before it starts). */
    @Test
    void noAnswerNamesTheServer() throws Exception {
        for (HttpResponse<String> answer : List.of(get("/services/", "en"), get("/services/service?id=no-such-service", "en"))) {
            assertThat(answer.headers().firstValue("Server")).isEmpty();
            assertThat(answer.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void searchFindsChineseWithoutSpacesInBothScriptsAndColloquialNames() throws Exception {
        assertThat(firstResult("生果金", "zh-HK")).isEqualTo("old-age-living-allowance");
        assertThat(firstResult("居屋", "zh-HK")).isEqualTo("home-ownership-scheme");
        assertThat(firstResult("续领驾驶执照", "zh-CN")).isEqualTo("driving-licence-renewal");

        HttpResponse<String> page = search("續期駕駛執照", "zh-HK");
        assertThat(page.body()).contains("<mark>續期</mark>", "<mark>駕駛執照</mark>");
    }

    @Test
    void searchFindsEnglishWithTypos() throws Exception {
        assertThat(firstResult("renew driving licence", "en")).isEqualTo("driving-licence-renewal");
        assertThat(firstResult("drving licnse", "en")).isEqualTo("driving-licence-renewal");
        assertThat(search("drving licnse", "en").body()).contains("<mark>driving</mark>");
    }

    @Test
    void aQueryIsShownAsTextNeverAsMarkup() throws Exception {
        HttpResponse<String> page = search("<script>alert(1)</script> licence", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; licence");
    }

    @Test
    void openDataJsonHasEveryService() throws Exception {
        HttpResponse<String> json = get("/open-data/services.json", "en");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("application/json").contains("charset=utf-8"));
        List<Map<String, Object>> published = objects(JSONObjectUtils.parse(json.body()).get("services"));
        assertThat(published).hasSize(53);
        assertThat(published.stream().map(service -> service.get("id")).toList())
                .isEqualTo(services.stream().map(service -> service.get("id")).toList());
    }

    @Test
    void openDataCsvHasEveryServiceInEveryLanguage() throws Exception {
        HttpResponse<String> csv = get("/open-data/services.csv", "en");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("text/csv").contains("charset=utf-8"));
        List<List<String>> records = csvRecords(csv.body().replaceFirst("^\uFEFF", ""));
        assertThat(records.get(0)).startsWith("id", "language", "name");
        assertThat(records).hasSize(1 + 53 * 3);
        Set<String> rows = new TreeSet<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record).hasSameSizeAs(records.get(0));
            rows.add(record.get(0) + "/" + record.get(1));
            Map<String, Object> service = services.stream().filter(s -> s.get("id").equals(record.get(0)))
                    .findFirst().orElseThrow();
            assertThat(record.get(2)).isEqualTo(text(service, "name", record.get(1)));
            assertThat(record.get(7)).isEqualTo(text(service, "summary", record.get(1)));
        }
        assertThat(rows).hasSize(53 * 3);
    }

    private String firstResult(String query, String language) throws Exception {
        HttpResponse<String> page = search(query, language);
        assertThat(page.statusCode()).isEqualTo(200);
        String marker = "data-testid=\"search-result\" data-service-id=\"";
        int at = page.body().indexOf(marker);
        assertThat(at).as("a result for %s", query).isPositive();
        int start = at + marker.length();
        return page.body().substring(start, page.body().indexOf('"', start));
    }

    private HttpResponse<String> search(String query, String language) throws Exception {
        return get("/services/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), language);
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        URI uri = platform.settings().portalUrl().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", "smartid_lang=" + language).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }


    /** RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks. */
    private static List<List<String>> csvRecords(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).isEmpty();
        assertThat(record).isEmpty();
        return records;
    }
}
