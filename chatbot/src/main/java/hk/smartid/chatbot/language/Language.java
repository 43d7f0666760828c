package hk.smartid.chatbot.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three languages of the catalogue and of the answers. */
public enum Language {
    EN("en", Locale.ENGLISH),
    ZH_HK("zh-HK", Locale.forLanguageTag("zh-HK")),
    ZH_CN("zh-CN", Locale.forLanguageTag("zh-CN"));

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public boolean isChinese() {
        return this != EN;
    }

    /** The language with exactly this tag ({@code en}, {@code zh-HK}, {@code zh-CN}), case-insensitive. */
    public static Optional<Language> fromTag(String tag) {
        return tag == null ? Optional.empty()
                : Arrays.stream(values()).filter(language -> language.tag.equalsIgnoreCase(tag.strip())).findFirst();
    }
}
