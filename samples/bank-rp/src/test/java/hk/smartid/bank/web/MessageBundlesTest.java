package hk.smartid.bank.web;

import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the bank shows exists in English, Traditional and Simplified Chinese. */
class MessageBundlesTest {

    @Test
    void shouldHaveTheSameKeysInEveryLanguage() {
        Set<String> english = new TreeSet<>(Language.EN.messages().keySet());
        for (Language language : Language.values()) {
            ResourceBundle bundle = language.messages();
            assertThat(new TreeSet<>(bundle.keySet())).as(language.tag()).isEqualTo(english);
            assertThat(english).allSatisfy(key -> assertThat(bundle.getString(key)).as(key).isNotBlank());
        }
        for (String field : BankPages.FIELDS) {
            assertThat(english).contains("field." + field);
        }
    }

    @Test
    void shouldTranslateEachChineseBundleFromItsOwnFile() {
        assertThat(Language.ZH_HK.messages().getString("bank.name")).isEqualTo("示範銀行");
        assertThat(Language.ZH_CN.messages().getString("bank.name")).isEqualTo("示范银行");
        assertThat(Language.EN.messages().getString("bank.name")).isEqualTo("Sample Bank");
    }

    @Test
    void shouldChooseTheScriptTheBrowserAsksFor() {
        assertThat(Language.preferred("zh-TW,zh;q=0.9")).isEqualTo(Language.ZH_HK);
        assertThat(Language.preferred("zh-CN,en;q=0.5")).isEqualTo(Language.ZH_CN);
        assertThat(Language.preferred("fr-FR")).isEqualTo(Language.EN);
        assertThat(Language.preferred(null)).isEqualTo(Language.EN);
    }
}
