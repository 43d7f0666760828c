package hk.smartid.bank.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** The bank's three languages, as Hong Kong uses them: English, Traditional and Simplified Chinese. */
public enum Language {
    EN("en", "English"),
    ZH_HK("zh-HK", "繁體中文"),
    ZH_CN("zh-CN", "简体中文");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String tag;
    private final String autonym;

    Language(String tag, String autonym) {
        this.tag = tag;
        this.autonym = autonym;
    }

    public String tag() {
        return tag;
    }

    /** The language's name in itself, for the switch: a reader finds their own language whatever is shown. */
    public String autonym() {
        return autonym;
    }

    /** English is the base bundle; the server's own locale never decides. */
    public ResourceBundle messages() {
        return ResourceBundle.getBundle("hk.smartid.bank.web.messages", Locale.forLanguageTag(tag), NO_FALLBACK);
    }

    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equalsIgnoreCase(tag)).findFirst();
    }

    /** The first supported language of an {@code Accept-Language} header; English otherwise. */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String wanted = range.getRange();
                if (wanted.startsWith("zh")) {
                    // zh-Hans / zh-CN / zh-SG read Simplified; every other Chinese reads Traditional here.
                    return wanted.contains("hans") || wanted.endsWith("-cn") || wanted.endsWith("-sg") ? ZH_CN : ZH_HK;
                }
                if (wanted.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException e) {
            return EN;
        }
        return EN;
    }
}
