package hk.smartid.portal.i18n;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The three message bundles are complete, UTF-8, and in the right language and script. */
class MessageBundlesTest {

    private static final String PATH = "/hk/smartid/portal/i18n/";

    /** Values that are legitimately the same in every language (language autonyms, punctuation). */
    private static final Set<String> NOT_TRANSLATED = Set.of("lang.en", "app.titleSeparator");

    /**
     * Pairs of (Traditional, Simplified) characters that differ between the scripts. Not exhaustive, but it
     * covers the words the portal uses, so that a Simplified character slipping into the Hong Kong bundle (or the
     * reverse) is caught.
     */
    private static final String[][] TRADITIONAL_SIMPLIFIED = {
            {"體", "体"}, {"語", "语"}, {"這", "这"}, {"頁", "页"}, {"錄", "录"}, {"帳", "账"}, {"號", "号"},
            {"務", "务"}, {"電", "电"}, {"腦", "脑"}, {"證", "证"}, {"櫃", "柜"}, {"實", "实"}, {"會", "会"},
            {"為", "为"}, {"請", "请"}, {"時", "时"}, {"間", "间"}, {"網", "网"}, {"驗", "验"}, {"級", "级"},
            {"與", "与"}, {"個", "个"}, {"們", "们"}, {"說", "说"}, {"對", "对"}, {"問", "问"}, {"題", "题"},
            {"權", "权"}, {"紀", "纪"}, {"運", "运"}, {"輸", "输"}, {"駕", "驾"}, {"駛", "驶"}, {"執", "执"},
            {"續", "续"}, {"車", "车"}, {"輛", "辆"}, {"詢", "询"}, {"記", "记"}, {"費", "费"}, {"發", "发"},
            {"礙", "碍"}, {"導", "导"}, {"關", "关"}, {"應", "应"}, {"單", "单"}, {"親", "亲"}, {"攜", "携"},
            {"資", "资"}, {"訊", "讯"}, {"過", "过"}, {"稅", "税"}, {"處", "处"}, {"無", "无"}, {"線", "线"},
            {"歡", "欢"}, {"遷", "迁"}, {"現", "现"}, {"當", "当"}, {"將", "将"}, {"從", "从"}, {"點", "点"},
            {"讀", "读"}, {"認", "认"}, {"護", "护"}, {"標", "标"}, {"準", "准"}, {"統", "统"}, {"碼", "码"},
            {"數", "数"}, {"門", "门"}, {"開", "开"}, {"鐘", "钟"}, {"廳", "厅"}, {"務", "务"}, {"舊", "旧"},
            {"簡", "简"}, {"繁", "繁"}, {"項", "项"}, {"讓", "让"}, {"設", "设"}, {"錯", "错"}, {"誤", "误"},
            {"異", "异"}, {"寫", "写"}, {"碼", "码"}, {"屋", "屋"}, {"類", "类"}, {"醫", "医"}, {"療", "疗"},
            {"機", "机"}, {"構", "构"}, {"國", "国"}, {"區", "区"}, {"華", "华"}, {"專", "专"}, {"業", "业"},
            {"員", "员"}, {"內", "内"}, {"罰", "罚"}, {"擇", "择"}, {"選", "选"}, {"僅", "仅"}, {"輕", "轻"},
            {"頻", "频"}, {"顯", "显"}, {"視", "视"}, {"覽", "览"}, {"瀏", "浏"}, {"條", "条"}, {"規", "规"},
            {"則", "则"}, {"義", "义"}, {"議", "议"}, {"決", "决"}, {"錢", "钱"}, {"經", "经"}, {"濟", "济"},
            {"礎", "础"}, {"麼", "么"}, {"臉", "脸"}, {"團", "团"}, {"參", "参"}, {"區", "区"}, {"龍", "龙"},
            {"東", "东"}, {"島", "岛"}, {"灣", "湾"}, {"聽", "听"}, {"變", "变"}, {"據", "据"}, {"庫", "库"},
            {"鍵", "键"}, {"構", "构"}, {"護", "护"}, {"裝", "装"}, {"壓", "压"}, {"鄰", "邻"}, {"兒", "儿"},
    };

    private Locale originalDefault;

    @AfterEach
    void restoreDefaultLocale() {
        if (originalDefault != null) {
            Locale.setDefault(originalDefault);
        }
    }

    @Test
    void everyKeyExistsInAllThreeBundlesAndNoValueIsBlank() throws IOException {
        Map<String, String> en = load("messages.properties");
        Map<String, String> zhHK = load("messages_zh_HK.properties");
        Map<String, String> zhCN = load("messages_zh_CN.properties");

        assertThat(en).isNotEmpty();
        assertThat(zhHK.keySet()).as("keys of messages_zh_HK vs messages").containsExactlyInAnyOrderElementsOf(en.keySet());
        assertThat(zhCN.keySet()).as("keys of messages_zh_CN vs messages").containsExactlyInAnyOrderElementsOf(en.keySet());
        for (Map<String, String> bundle : java.util.List.of(en, zhHK, zhCN)) {
            assertThat(bundle).allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank());
        }
    }

    @Test
    void theEnglishBundleIsEmptySoThatEnglishComesFromTheBaseBundle() throws IOException {
        assertThat(load("messages_en.properties")).isEmpty();
    }

    @Test
    void englishValuesHaveNoChineseExceptTheLanguageNames() throws IOException {
        Map<String, String> en = load("messages.properties");
        en.forEach((key, value) -> {
            if (!key.startsWith("lang.zh")) {
                assertThat(containsHan(value)).as("%s = %s", key, value).isFalse();
            }
        });
    }

    @Test
    void chineseBundlesAreInChinese() throws IOException {
        for (String file : new String[] {"messages_zh_HK.properties", "messages_zh_CN.properties"}) {
            load(file).forEach((key, value) -> {
                if (!NOT_TRANSLATED.contains(key)) {
                    assertThat(containsHan(value)).as("%s: %s = %s", file, key, value).isTrue();
                }
            });
        }
    }

    @Test
    void hongKongBundleIsTraditionalAndMainlandBundleIsSimplified() throws IOException {
        Map<String, String> zhHK = load("messages_zh_HK.properties");
        Map<String, String> zhCN = load("messages_zh_CN.properties");

        String simplifiedOnly = only(1);
        String traditionalOnly = only(0);
        zhHK.forEach((key, value) -> {
            if (!key.equals("lang.zhCN")) { // the autonym 简体中文 is written in its own script
                assertThat(value.codePoints().filter(c -> simplifiedOnly.indexOf(c) >= 0)
                        .mapToObj(Character::toString).collect(Collectors.joining()))
                        .as("Simplified characters in messages_zh_HK %s = %s", key, value).isEmpty();
            }
        });
        zhCN.forEach((key, value) -> {
            if (!key.equals("lang.zhHK")) { // the autonym 繁體中文
                assertThat(value.codePoints().filter(c -> traditionalOnly.indexOf(c) >= 0)
                        .mapToObj(Character::toString).collect(Collectors.joining()))
                        .as("Traditional characters in messages_zh_CN %s = %s", key, value).isEmpty();
            }
        });
        // And each really uses its own script somewhere (not, say, a copy of the other bundle).
        assertThat(String.join("", zhHK.values())).containsAnyOf(traditionalOnly.split(""));
        assertThat(String.join("", zhCN.values())).containsAnyOf(simplifiedOnly.split(""));
        assertThat(zhHK.get("dashboard.verify.body")).isNotEqualTo(zhCN.get("dashboard.verify.body"));
    }

    @Test
    void assuranceLevelLabelsExistForBothCodes() throws IOException {
        Map<String, String> en = load("messages.properties");
        assertThat(en).containsKeys("assurance.loa-basic", "assurance.loa-verified");
        assertThat(en.get("assurance.loa-basic")).isEqualTo("Basic — self-registered");
        assertThat(en.get("assurance.loa-verified")).isEqualTo("Verified in person");
    }

    /** Faces looks bundles up with the default ResourceBundle.Control, which falls back to the JVM locale. */
    @Test
    void englishStaysEnglishOnAServerWhoseDefaultLocaleIsChinese() {
        originalDefault = Locale.getDefault();
        Locale.setDefault(new Locale("zh", "CN"));
        ResourceBundle.clearCache();
        try {
            ResourceBundle english = ResourceBundle.getBundle(AllLanguages.BUNDLE, SupportedLanguage.EN.locale());
            assertThat(english.getString("header.logout")).isEqualTo("Log out");
            ResourceBundle hk = ResourceBundle.getBundle(AllLanguages.BUNDLE, SupportedLanguage.ZH_HK.locale());
            assertThat(hk.getString("header.logout")).isEqualTo("登出");
            ResourceBundle cn = ResourceBundle.getBundle(AllLanguages.BUNDLE, SupportedLanguage.ZH_CN.locale());
            assertThat(cn.getString("header.logout")).isEqualTo("退出登录");
        } finally {
            ResourceBundle.clearCache();
        }
    }

    @Test
    void allLanguagesBeanGivesEachLanguage() {
        assertThat(AllLanguages.bundle(SupportedLanguage.EN).getString("error.404.title")).isEqualTo("Page not found");
        assertThat(AllLanguages.bundle(SupportedLanguage.ZH_HK).getString("error.404.title")).isEqualTo("找不到網頁");
        assertThat(AllLanguages.bundle(SupportedLanguage.ZH_CN).getString("error.404.title")).isEqualTo("找不到网页");
        AllLanguages languages = new AllLanguages();
        assertThat(languages.getZhHK().getString("lang.zhHK")).isEqualTo("繁體中文");
        assertThat(languages.getZhCN().getString("lang.zhCN")).isEqualTo("简体中文");
        assertThat(languages.getEn().getString("lang.en")).isEqualTo("English");
    }

    @Test
    void errorPageHasTitleAndBodyForEveryReason() throws IOException {
        Map<String, String> en = load("messages.properties");
        for (String reason : new String[] {"400", "403", "404", "500", "expired", "generic"}) {
            assertThat(en).containsKeys("error." + reason + ".title", "error." + reason + ".body");
        }
    }

    private static String only(int column) {
        StringBuilder chars = new StringBuilder();
        for (String[] pair : TRADITIONAL_SIMPLIFIED) {
            if (!pair[0].equals(pair[1])) {
                chars.append(pair[column]);
            }
        }
        return chars.toString();
    }

    private static boolean containsHan(String value) {
        return value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Reads a bundle file strictly as UTF-8 (fails on bytes that are not UTF-8), keeping the keys sorted. */
    private static Map<String, String> load(String file) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(PATH + file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            try {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
            } catch (CharacterCodingException e) {
                throw new AssertionError(file + " is not valid UTF-8", e);
            }
            Map<String, String> map = new TreeMap<>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            return map;
        }
    }
}
