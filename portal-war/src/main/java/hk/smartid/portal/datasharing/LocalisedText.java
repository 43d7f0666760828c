package hk.smartid.portal.datasharing;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A text the IdP gives in the three languages, keyed {@code en}, {@code zh-HK}, {@code zh-CN} (a bank's name, a
 * purpose statement), as the bank registered it.
 */
public record LocalisedText(Map<String, String> byLanguage) implements Serializable {

    public LocalisedText {
        // a language the bank left out may come as null: it is simply absent
        byLanguage = byLanguage == null ? Map.of() : byLanguage.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The text in this language; else in English, which every bank must register; else empty. */
    public Optional<String> in(String languageTag) {
        return nonBlank(byLanguage.get(languageTag)).or(() -> nonBlank(byLanguage.get("en")));
    }

    private static Optional<String> nonBlank(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }
}
