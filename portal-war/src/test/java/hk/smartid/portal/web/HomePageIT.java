package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page, {@code index.xhtml}, in the language that {@code LanguagePreference} takes from the request. */
@RunAsClient
class HomePageIT extends AbstractPortalIT {

    @Test
    void shouldRenderHomePageInEnglishWithLoginLink() throws Exception {
        HttpResponse<String> home = get(newBrowser(), "");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(htmlLang(home.body())).isEqualTo("en");
        assertThat(home.body())
                .contains("data-testid=\"login\"")
                .contains(message("en", "home.title"))
                .doesNotContain(message("zh-HK", "home.title"));
    }

    @Test
    void shouldRenderHomePageInTraditionalChineseWhenLanguageCookieIsZhHK() throws Exception {
        HttpResponse<String> home = get(newBrowser(), "", "Cookie", "smartid_lang=zh-HK");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(htmlLang(home.body())).isEqualTo("zh-HK");
        assertThat(home.body())
                .contains(message("zh-HK", "home.title"))
                .contains(message("zh-HK", "home.login"))
                .doesNotContain(message("en", "home.title"))
                .doesNotContain(message("zh-CN", "home.title"));
    }
}
