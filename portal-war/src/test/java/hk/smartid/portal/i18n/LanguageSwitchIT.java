package hk.smartid.portal.i18n;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switcher of the page layout and {@link LanguagePreference#select(String)} behind it, used as a
 * browser uses it: the form is read from the page and posted back.
 */
@RunAsClient
class LanguageSwitchIT extends AbstractPortalIT {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void shouldSwitchToSimplifiedChineseByPostingLanguageForm() throws Exception {
        HttpClient browser = newBrowser();
        HttpResponse<String> home = get(browser, "");

        HttpResponse<String> posted = chooseSimplifiedChinese(browser, home);

        assertThat(posted.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("smartid_lang=zh-CN")
                        .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                        .doesNotContainIgnoringCase("; Secure"));
        URI location = posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow());
        assertThat(location.getAuthority()).isEqualTo(home.uri().getAuthority());

        HttpResponse<String> after = send(browser, request(location).GET().build());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(htmlLang(after.body())).isEqualTo("zh-CN");
        assertThat(after.body()).contains(message("zh-CN", "home.title"));
    }

    @Test
    void shouldRememberTheLanguageInASecureCookieOverHttps() throws Exception {
        HttpClient browser = newHttpsBrowser();
        HttpResponse<String> home = send(browser, request(httpsUri("")).GET().build());

        HttpResponse<String> posted = chooseSimplifiedChinese(browser, home);

        assertThat(posted.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("smartid_lang=zh-CN")
                        .containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                        .containsIgnoringCase("; SameSite=Lax"));
    }

    /** The form holding the zh-CN button read from the page, with its hidden fields (the view state among them), posted back. */
    private HttpResponse<String> chooseSimplifiedChinese(HttpClient browser, HttpResponse<String> home) throws Exception {
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(htmlLang(home.body())).isEqualTo("en");
        String html = home.body();
        String button = tagWith(html, INPUT, "data-testid=\"lang-zh-CN\"");
        int buttonAt = html.indexOf(button);
        String formTag = lastMatchBefore(html, FORM, buttonAt);
        String form = html.substring(html.indexOf(formTag), html.indexOf("</form>", buttonAt));
        assertThat(attribute(formTag, "method")).hasValue("post");

        Map<String, String> fields = new LinkedHashMap<>();
        Matcher inputs = INPUT.matcher(form);
        while (inputs.find()) {
            String input = inputs.group();
            if (attribute(input, "type").filter("hidden"::equalsIgnoreCase).isPresent()) {
                fields.put(attribute(input, "name").orElseThrow(), attribute(input, "value").orElse(""));
            }
        }
        assertThat(fields).containsKey("jakarta.faces.ViewState");
        fields.put(attribute(button, "name").orElseThrow(), attribute(button, "value").orElseThrow());

        URI action = home.uri().resolve(attribute(formTag, "action").orElseThrow());
        HttpResponse<String> posted = send(browser, request(action,
                "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(fields)))
                .build());
        assertThat(posted.statusCode()).as("POST-redirect-GET").isIn(302, 303);
        return posted;
    }

    private static String tagWith(String html, Pattern tag, String marker) {
        Matcher tags = tag.matcher(html);
        while (tags.find()) {
            if (tags.group().contains(marker)) {
                return tags.group();
            }
        }
        throw new AssertionError("no " + tag + " with " + marker + " in\n" + html);
    }

    private static String lastMatchBefore(String html, Pattern tag, int end) {
        Matcher tags = tag.matcher(html).region(0, end);
        String last = null;
        while (tags.find()) {
            last = tags.group();
        }
        if (last == null) {
            throw new AssertionError("no " + tag + " before " + end + " in\n" + html);
        }
        return last;
    }

    private static Optional<String> attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(tag);
        return value.find() ? Optional.of(unescape(value.group(1))) : Optional.empty();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
