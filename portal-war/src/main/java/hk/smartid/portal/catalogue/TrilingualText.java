package hk.smartid.portal.catalogue;

import hk.smartid.portal.i18n.SupportedLanguage;

import java.io.Serializable;

/** A text of the catalogue in the portal's three languages; the catalogue import guarantees all three. */
public record TrilingualText(String en, String zhHK, String zhCN) implements Serializable {

    /** The text in the language with this tag ({@code en}, {@code zh-HK}, {@code zh-CN}); English otherwise. */
    public String in(String languageTag) {
        return in(SupportedLanguage.fromTag(languageTag).orElse(SupportedLanguage.DEFAULT));
    }

    public String in(SupportedLanguage language) {
        return switch (language) {
            case EN -> en;
            case ZH_HK -> zhHK;
            case ZH_CN -> zhCN;
        };
    }
}
