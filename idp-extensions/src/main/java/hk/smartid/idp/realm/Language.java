package hk.smartid.idp.realm;

import java.util.Arrays;
import java.util.List;

/** The three languages of every text a person reads (names, purpose statements, pages), by BCP 47 tag. */
public enum Language {
    EN("en"), ZH_HK("zh-HK"), ZH_CN("zh-CN");

    /** The tags, English first: the language a text falls back to. */
    public static final List<String> TAGS = Arrays.stream(values()).map(Language::tag).toList();

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
