package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's language form posted back with a view state the server never issued, as a forged or long
 * expired form is: either as a normal POST or as a Faces Ajax request ({@code Faces-Request: partial/ajax}).
 */
final class ForgedViewState {

    static final String FORGED = "-1234567890123456789:9876543210987654321";

    private ForgedViewState() {
    }

    static HttpResponse<String> post(AbstractPortalIT test, HttpClient browser, boolean ajax)
            throws IOException, InterruptedException {
        HttpResponse<String> home = test.getPage(browser, "");
        assertThat(home.statusCode()).isEqualTo(200);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("languageForm", "languageForm");
        fields.put("jakarta.faces.ViewState", FORGED);
        HttpRequest.Builder request = HttpRequest.newBuilder(home.uri())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        if (ajax) {
            fields.put("jakarta.faces.source", "languageForm:zhHK");
            fields.put("jakarta.faces.partial.event", "click");
            fields.put("jakarta.faces.partial.execute", "languageForm:zhHK languageForm");
            fields.put("jakarta.faces.partial.render", "languageForm");
            fields.put("jakarta.faces.behavior.event", "action");
            fields.put("jakarta.faces.partial.ajax", "true");
            request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        } else {
            fields.put("languageForm:zhHK", "繁");
        }
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
