package hk.smartid.idp.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the trilingual message bundles of the {@code smartid} login theme.
 *
 * <p>Keycloak merges bundles zh-HK -> zh -> en (it ships no zh_HK or zh bundle), so a key missing from
 * a Chinese bundle silently shows English (or Keycloak's own wording) to a Chinese reader. These
 * tests fail on any missing key, blank value, wrong script or broken MessageFormat pattern.
 */
class LoginThemeMessagesTest {

    private static final String DIR = "theme/smartid/login/messages/";
    private static final String EN = "messages_en.properties";
    private static final String ZH_HK = "messages_zh_HK.properties";
    private static final String ZH_CN = "messages_zh_CN.properties";

    /** Keys the pages of our flows show; they must be defined by the theme itself. */
    private static final List<String> REQUIRED_KEYS = List.of(
            // page frame and language switcher
            "loginTitle", "languages", "locale_en", "locale_zh-HK", "locale_zh-CN", "requiredFields",
            "smartid.tagline", "smartid.skipToContent", "passkeyOnlyNotice",
            // passkey sign-in page
            "webauthn-login-title", "webauthn-doAuthenticate", "webauthn-available-authenticators",
            "webauthn-createdAt-label", "webauthn-unsupported-browser-text", "noAccount", "doRegister",
            "loginAccountTitle", "doLogIn",
            // registration page and our user-profile attributes
            "registerTitle", "backToLogin", "doSubmit", "smartid.contact", "smartid.contact.help",
            "smartid.contact.invalid", "smartid.displayName", "smartid.assuranceLevel",
            "missingUsernameMessage", "missingFirstNameMessage", "usernameExistsMessage",
            "invalidUserMessage",
            // passkey registration page: the suggested name of the new passkey is also what a blank name becomes
            "webauthn-registration-title", "doRegisterSecurityKey", "webauthn-registration-init-label",
            "smartid.passkeyName", "smartid.passkeyName.help", "doCancel",
            // passkey errors
            "webauthn-error-title", "doTryAgain", "webauthn-error-auth-verification",
            "webauthn-error-registration", "webauthn-error-api-get", "webauthn-error-different-user",
            "webauthn-error-user-not-found", "webauthn-error-register-verification",
            // error / info / page-expired / logout pages
            "errorTitle", "backToApplication", "pageExpiredTitle", "pageExpiredMsg1", "pageExpiredMsg2",
            "doClickHere", "logoutConfirmTitle", "logoutConfirmHeader", "doLogout",
            // common error messages
            "expiredActionMessage", "sessionNotActiveMessage", "cookieNotFoundMessage", "loginTimeout",
            "expiredCodeMessage");

    /** Values that are the same in every language (brand name, language names in their own script). */
    private static final Set<String> LANGUAGE_NEUTRAL_KEYS =
            Set.of("loginTitleHtml", "locale_en", "locale_zh-HK", "locale_zh-CN");

    /** Characters that exist only in Traditional Chinese (their Simplified forms differ). */
    private static final String TRADITIONAL_ONLY = "帳戶錄號碼鑰設裝電腦話請輸認證開關來時這為與從網頁機語說結過錯誤體顯稱長態標儲";
    /** The Simplified counterparts of the characters above. */
    private static final String SIMPLIFIED_ONLY = "账户录号码钥设装电脑话请输认证开关来时这为与从网页机语说结过错误体显称长态标储";

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties en;
    private static Properties zhHk;
    private static Properties zhCn;

    @BeforeAll
    static void load() {
        en = load(EN);
        zhHk = load(ZH_HK);
        zhCn = load(ZH_CN);
    }

    @Test
    void everyEnglishKeyExistsInTraditionalChineseAndViceVersa() {
        assertSameKeys(EN, en, ZH_HK, zhHk);
    }

    @Test
    void everyEnglishKeyExistsInSimplifiedChineseAndViceVersa() {
        assertSameKeys(EN, en, ZH_CN, zhCn);
    }

    @Test
    void requiredKeysAreDefined() {
        for (Map.Entry<String, Properties> bundle : bundles().entrySet()) {
            assertThat(bundle.getValue().stringPropertyNames())
                    .as("keys the SmartID pages show, in %s", bundle.getKey())
                    .containsAll(REQUIRED_KEYS);
        }
    }

    @Test
    void noValueIsBlank() {
        for (Map.Entry<String, Properties> bundle : bundles().entrySet()) {
            Properties p = bundle.getValue();
            List<String> blank = p.stringPropertyNames().stream()
                    .filter(k -> p.getProperty(k).isBlank())
                    .sorted()
                    .toList();
            assertThat(blank).as("keys with a blank value in %s", bundle.getKey()).isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() {
        for (String file : List.of(EN, ZH_HK, ZH_CN)) {
            List<String> keys = rawKeys(file);
            Set<String> seen = new HashSet<>();
            List<String> duplicates = keys.stream().filter(k -> !seen.add(k)).toList();
            assertThat(duplicates).as("keys defined more than once in %s", file).isEmpty();
        }
    }

    @Test
    void traditionalChineseBundleIsWrittenInHongKongTraditionalChinese() {
        assertThat(String.join("\n", values(zhHk)))
                .as(ZH_HK + " uses Hong Kong wording")
                .contains("登入", "帳戶", "通行密鑰", "流動電話號碼", "電郵")
                .doesNotContain("登录", "账户", "登錄");
        assertTranslated(ZH_HK, zhHk);
        assertThat(charsOf(zhHk, SIMPLIFIED_ONLY))
                .as("Simplified-only characters in " + ZH_HK)
                .isEmpty();
    }

    @Test
    void simplifiedChineseBundleIsWrittenInSimplifiedChinese() {
        assertThat(String.join("\n", values(zhCn)))
                .as(ZH_CN + " uses Simplified characters")
                .contains("登录", "账户", "通行密钥", "手机号码")
                .doesNotContain("登入", "帳戶", "通行密鑰");
        assertTranslated(ZH_CN, zhCn);
        assertThat(charsOf(zhCn, TRADITIONAL_ONLY))
                .as("Traditional-only characters in " + ZH_CN)
                .isEmpty();
    }

    @Test
    void languageNamesAreTheSameInEveryBundle() {
        for (String key : List.of("locale_en", "locale_zh-HK", "locale_zh-CN")) {
            assertThat(zhHk.getProperty(key)).as(key + " in " + ZH_HK).isEqualTo(en.getProperty(key));
            assertThat(zhCn.getProperty(key)).as(key + " in " + ZH_CN).isEqualTo(en.getProperty(key));
        }
        assertThat(en.getProperty("locale_zh-HK")).isEqualTo("繁體中文");
        assertThat(en.getProperty("locale_zh-CN")).isEqualTo("简体中文");
    }

    @Test
    void ourOwnKeysSayWhatTheRealmExpects() {
        assertThat(en.getProperty("smartid.contact")).isEqualTo("Email address or Hong Kong mobile number");
        assertThat(en.getProperty("smartid.displayName")).isEqualTo("Display name (how we greet you)");
        assertThat(en.getProperty("smartid.assuranceLevel")).isEqualTo("Assurance level");
        assertThat(en.getProperty("webauthn-doAuthenticate")).isEqualTo("Sign in with your passkey");
        assertThat(en.getProperty("passkeyOnlyNotice")).containsIgnoringCase("password").contains("passkey");
        assertThat(zhHk.getProperty("passkeyOnlyNotice")).contains("密碼", "通行密鑰");
        assertThat(zhCn.getProperty("passkeyOnlyNotice")).contains("密码", "通行密钥");
    }

    /**
     * Keycloak formats every message with {@link MessageFormat}: a lone apostrophe swallows text and
     * placeholders. Some values are also written into JavaScript string literals by the WebAuthn
     * templates, so they must not contain double quotes or backslashes.
     */
    @Test
    void valuesAreSafeMessageFormatPatternsWithTheSamePlaceholders() {
        for (Map.Entry<String, Properties> bundle : bundles().entrySet()) {
            Properties p = bundle.getValue();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String value = p.getProperty(key);
                String where = key + " in " + bundle.getKey();
                assertThat(value).as(where).doesNotContain("'", "\"", "\\");
                assertThat(new MessageFormat(value).format(new Object[] {"A", "B", "C"}))
                        .as(where)
                        .doesNotContain("{");
                assertThat(placeholders(value)).as("placeholders of " + where)
                        .isEqualTo(placeholders(en.getProperty(key, "")));
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    private static void assertSameKeys(String nameA, Properties a, String nameB, Properties b) {
        Set<String> missingInB = new TreeSet<>(a.stringPropertyNames());
        missingInB.removeAll(b.stringPropertyNames());
        Set<String> missingInA = new TreeSet<>(b.stringPropertyNames());
        missingInA.removeAll(a.stringPropertyNames());
        assertThat(missingInB).as("keys of %s missing from %s", nameA, nameB).isEmpty();
        assertThat(missingInA).as("keys of %s missing from %s", nameB, nameA).isEmpty();
    }

    /** Every translatable value contains Chinese and differs from the English text. */
    private static void assertTranslated(String name, Properties zh) {
        List<String> untranslated = new ArrayList<>();
        for (String key : new TreeSet<>(zh.stringPropertyNames())) {
            if (LANGUAGE_NEUTRAL_KEYS.contains(key)) {
                continue;
            }
            String value = zh.getProperty(key);
            if (!HAN.matcher(value).find() || value.equals(en.getProperty(key))) {
                untranslated.add(key + "=" + value);
            }
        }
        assertThat(untranslated).as("values in %s without Chinese text", name).isEmpty();
    }

    private static Set<String> charsOf(Properties p, String forbidden) {
        Set<String> found = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (LANGUAGE_NEUTRAL_KEYS.contains(key)) {
                continue;
            }
            p.getProperty(key).codePoints()
                    .filter(cp -> forbidden.indexOf(cp) >= 0)
                    .forEach(cp -> found.add(key + ": " + new String(Character.toChars(cp))));
        }
        return found;
    }

    private static Set<String> placeholders(String value) {
        Set<String> result = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static List<String> values(Properties p) {
        return p.stringPropertyNames().stream().map(p::getProperty).collect(Collectors.toList());
    }

    private static Map<String, Properties> bundles() {
        Map<String, Properties> m = new TreeMap<>();
        m.put(EN, en);
        m.put(ZH_HK, zhHk);
        m.put(ZH_CN, zhCn);
        return m;
    }

    private static Properties load(String file) {
        Properties p = new Properties();
        try (Reader r = reader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(p).as(file).isNotEmpty();
        return p;
    }

    /** Keys in file order, to spot duplicates that {@link Properties} would silently merge. */
    private static List<String> rawKeys(String file) {
        List<String> keys = new ArrayList<>();
        try (Reader r = reader(file)) {
            new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    keys.add((String) key);
                    return super.put(key, value);
                }
            }.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Reader reader(String file) {
        InputStream in = LoginThemeMessagesTest.class.getClassLoader().getResourceAsStream(DIR + file);
        assertThat(in).as("classpath resource " + DIR + file).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
