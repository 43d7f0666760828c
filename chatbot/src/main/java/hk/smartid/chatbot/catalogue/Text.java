package hk.smartid.chatbot.catalogue;

import hk.smartid.chatbot.language.Language;

/** A text of the catalogue in its three languages. */
public record Text(String en, String zhHK, String zhCN) {

    public String in(Language language) {
        return switch (language) {
            case EN -> en;
            case ZH_HK -> zhHK;
            case ZH_CN -> zhCN;
        };
    }
}
