package hk.smartid.portal.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagePreferenceTest {

    @Test
    void cookieWinsOverAcceptLanguage() {
        HttpServletRequest request = request("en-GB,en;q=0.9", new Cookie("other", "x"),
                new Cookie(LanguagePreference.COOKIE_NAME, "zh-CN"));
        assertThat(LanguagePreference.fromRequest(request)).isEqualTo(SupportedLanguage.ZH_CN);
    }

    @Test
    void invalidCookieIsIgnored() {
        HttpServletRequest request = request("zh-TW,zh;q=0.9", new Cookie(LanguagePreference.COOKIE_NAME, "fr"));
        assertThat(LanguagePreference.fromRequest(request)).isEqualTo(SupportedLanguage.ZH_HK);
    }

    @Test
    void acceptLanguageIsUsedWithoutCookie() {
        assertThat(LanguagePreference.fromRequest(request("zh-Hans-CN,zh;q=0.9"))).isEqualTo(SupportedLanguage.ZH_CN);
        assertThat(LanguagePreference.fromRequest(request("zh-HK", (Cookie[]) null))).isEqualTo(SupportedLanguage.ZH_HK);
    }

    @Test
    void englishWhenNothingIsKnown() {
        assertThat(LanguagePreference.fromRequest(request(null))).isEqualTo(SupportedLanguage.EN);
    }

    @Test
    void changeAcceptsOnlySupportedTags() {
        LanguagePreference preference = new LanguagePreference();

        assertThat(preference.change("zh-HK")).isTrue();
        assertThat(preference.getLanguageTag()).isEqualTo("zh-HK");
        assertThat(preference.getLocale()).isEqualTo(new Locale("zh", "HK"));
        assertThat(preference.isCurrent("zh-HK")).isTrue();
        assertThat(preference.isCurrent("en")).isFalse();

        assertThat(preference.change("fr")).isFalse();
        assertThat(preference.change(null)).isFalse();
        assertThat(preference.change("zh-HK\r\nSet-Cookie: x=y")).isFalse();
        assertThat(preference.change("zh_CN")).isFalse();
        assertThat(preference.getLanguageTag()).isEqualTo("zh-HK");

        assertThat(preference.change("zh-CN")).isTrue();
        assertThat(preference.getLanguageTag()).isEqualTo("zh-CN");
        assertThat(preference.getLocale()).isEqualTo(new Locale("zh", "CN"));

        assertThat(preference.change("en")).isTrue();
        assertThat(preference.getLocale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void cookieLivesForAYear() {
        assertThat(LanguagePreference.COOKIE_NAME).isEqualTo("smartid_lang");
        assertThat(LanguagePreference.COOKIE_MAX_AGE).isEqualTo(31_536_000);
    }

    private static HttpServletRequest request(String acceptLanguage, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(LanguagePreferenceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getCookies":
                            return cookies == null || cookies.length == 0 ? null : cookies;
                        case "getHeader":
                            return "Accept-Language".equalsIgnoreCase((String) args[0]) ? acceptLanguage : null;
                        case "toString":
                            return "request";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
