package hk.smartid.utility.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the utility shows exists in English, Traditional and Simplified Chinese. */
class MessageBundlesTest {

    private static ResourceBundle bundle(String suffix) throws Exception {
        try (var in = MessageBundlesTest.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            return new PropertyResourceBundle(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldHaveTheSameKeysInEveryLanguage() throws Exception {
        Set<String> english = new TreeSet<>(bundle("").keySet());
        for (String suffix : new String[] {"_zh_HK", "_zh_CN"}) {
            ResourceBundle chinese = bundle(suffix);
            assertThat(new TreeSet<>(chinese.keySet())).as(suffix).isEqualTo(english);
            assertThat(english).allSatisfy(key -> assertThat(chinese.getString(key)).as(key).isNotBlank());
        }
        assertThat(bundle("_zh_HK").getString("home.login")).isEqualTo("以 SmartID 登入");
        assertThat(bundle("_zh_CN").getString("home.login")).isEqualTo("以 SmartID 登录");
    }

    @Test
    void shouldChooseTheScriptTheBrowserAsksFor() {
        var resolver = new Languages().localeResolver();
        assertThat(localeFor(resolver, "zh-HK,zh;q=0.9")).isEqualTo(Locale.forLanguageTag("zh-HK"));
        assertThat(localeFor(resolver, "zh-CN,en;q=0.5")).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(localeFor(resolver, "fr-FR")).isEqualTo(Locale.ENGLISH);
    }

    private static Locale localeFor(org.springframework.web.servlet.LocaleResolver resolver, String acceptLanguage) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);
        return resolver.resolveLocale(request);
    }
}
