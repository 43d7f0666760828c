package hk.smartid.portal.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedLanguageTest {

    @Test
    void tagsAndLocalesAreTheCookieValuesAndBundleLocales() {
        assertThat(SupportedLanguage.EN.tag()).isEqualTo("en");
        assertThat(SupportedLanguage.ZH_HK.tag()).isEqualTo("zh-HK");
        assertThat(SupportedLanguage.ZH_CN.tag()).isEqualTo("zh-CN");
        assertThat(SupportedLanguage.EN.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(SupportedLanguage.ZH_HK.locale()).isEqualTo(new Locale("zh", "HK"));
        assertThat(SupportedLanguage.ZH_CN.locale()).isEqualTo(new Locale("zh", "CN"));
        for (SupportedLanguage language : SupportedLanguage.values()) {
            assertThat(language.locale().toLanguageTag()).isEqualTo(language.tag());
        }
    }

    @ParameterizedTest
    @CsvSource({"en,EN", "zh-HK,ZH_HK", "zh-CN,ZH_CN", "ZH-hk,ZH_HK", "EN,EN"})
    void fromTagAcceptsTheSupportedTags(String tag, SupportedLanguage expected) {
        assertThat(SupportedLanguage.fromTag(tag)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" en", "en ", "zh", "zh_HK", "zh-TW", "zh-Hant", "en-GB", "fr", "<script>", "zh-HK;", "EN,zh"})
    void fromTagRejectsEverythingElse(String tag) {
        assertThat(SupportedLanguage.fromTag(tag)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|EN",
            "en-US|EN",
            "en-GB,en;q=0.9|EN",
            "zh-HK|ZH_HK",
            "zh-hk|ZH_HK",
            "zh-TW|ZH_HK",
            "zh-MO|ZH_HK",
            "zh-Hant|ZH_HK",
            "zh-Hant-TW|ZH_HK",
            "zh-Hant-CN|ZH_HK",
            "yue|ZH_HK",
            "yue-HK|ZH_HK",
            "zh-yue|ZH_HK",
            "zh|ZH_CN",
            "zh-CN|ZH_CN",
            "zh-Hans|ZH_CN",
            "zh-Hans-HK|ZH_CN",
            "zh-SG|ZH_CN",
            "zh_CN|ZH_CN",
            "fr-FR,fr;q=0.9|EN",
            "fr,zh-TW;q=0.5,en;q=0.4|ZH_HK",
            "fr,en;q=0.8,zh-HK;q=0.9|ZH_HK",
            "en;q=0.5,zh-CN;q=0.6|ZH_CN",
            "zh-HK;q=0.8,zh-CN;q=0.8|ZH_HK",
            "zh-CN;q=0,en;q=0.1|EN",
            "*|EN",
            "*;q=1,zh-HK;q=0.5|ZH_HK",
            "  zh-HK ; q=0.7 , en ; q=0.3 |ZH_HK",
            "zh-HK;Q=0.7,en;q=0.3|ZH_HK",
    })
    void bestMatchHonoursQualityAndChineseVariants(String acceptLanguage, SupportedLanguage expected) {
        assertThat(SupportedLanguage.bestMatch(acceptLanguage)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",,,", ";q=1", "de", "ja-JP,ko;q=0.8", "zh-HK;q=abc", "zh-HK;q=2", "zh-HK;q=-1",
            "zh-HK;q=NaN", "<script>alert(1)</script>", "x-klingon-toolong-subtag-abcdefghij"})
    void bestMatchFallsBackToEnglish(String acceptLanguage) {
        assertThat(SupportedLanguage.bestMatch(acceptLanguage)).isEqualTo(SupportedLanguage.EN);
    }

    @Test
    void bestMatchReadsOnlyTheStartOfAHugeHeader() {
        String huge = "de,".repeat(100_000) + "zh-HK";
        assertThat(SupportedLanguage.bestMatch(huge)).isEqualTo(SupportedLanguage.EN);
        assertThat(SupportedLanguage.bestMatch("zh-TW," + huge)).isEqualTo(SupportedLanguage.ZH_HK);
    }
}
