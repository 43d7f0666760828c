package hk.smartid.applications;

import hk.smartid.banking.BrowserlessResident;
import hk.smartid.catalogue.CatalogueEntries;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hk.smartid.catalogue.CatalogueEntries.html;
import static hk.smartid.catalogue.CatalogueEntries.objects;
import static hk.smartid.catalogue.CatalogueEntries.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every online service of the catalogue file has a form that renders on the real portal, in every language, for a
 * verified resident (without a browser: the pages as HTML): each field of its definition with its label.
 */
@ExtendWith(RunningPlatform.class)
class ApplicationFormsIT {

    private static final Map<String, String> LANGUAGE_BUTTONS = Map.of("en", "languageForm:en",
            "zh-HK", "languageForm:zhHK", "zh-CN", "languageForm:zhCN");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final Platform platform;

    ApplicationFormsIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void everyOnlineServiceHasAFormThatRendersInEveryLanguage() throws Exception {
        List<Map<String, Object>> online = CatalogueEntries.of(platform).services().stream()
                .filter(service -> Boolean.TRUE.equals(service.get("online"))).toList();
        assertThat(online).hasSizeGreaterThan(40);

        String hkid = StaffConsoleClient.randomHkid();
        String code = StaffConsoleClient.forCounterStaff(platform, "Yuen Long").enrol(hkid, "1966-06-06");
        BrowserlessResident resident = new BrowserlessResident(platform);
        resident.activate(platform, hkid, "1966-06-06", code);
        String portal = platform.settings().portalUrl().toString();

        for (String language : List.of("en", "zh-HK", "zh-CN")) {
            BrowserlessResident.Page home = resident.get(URI.create(portal + "/services/"));
            Matcher viewState = VIEW_STATE.matcher(home.body());
            assertThat(viewState.find()).isTrue();
            home.submit("languageForm", Map.of("languageForm", "languageForm",
                    LANGUAGE_BUTTONS.get(language), language, "jakarta.faces.ViewState", viewState.group(1)));

            for (Map<String, Object> service : online) {
                BrowserlessResident.Page form = resident.get(URI.create(portal + "/apply?service=" + service.get("id")));
                String what = service.get("id") + " in " + language;
                assertThat(form.status()).as(what).isEqualTo(200);
                assertThat(form.body()).as(what).contains("lang=\"" + language + "\"")
                        .contains("data-testid=\"apply-review\"")
                        .contains(html(text(service, "name", language)));
                for (Map<String, Object> field : objects(((Map<?, ?>) service.get("form")).get("fields"))) {
                    assertThat(form.body()).as(what + ", field " + field.get("name"))
                            .contains("data-testid=\"field-" + field.get("name") + "\"")
                            .contains(html(text(field, "label", language)));
                }
            }
        }
    }

}
