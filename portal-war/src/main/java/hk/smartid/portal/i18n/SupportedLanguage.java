package hk.smartid.portal.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the portal is offered in, and the pure (no servlet, no CDI) rules for choosing one.
 *
 * <p>The {@link #tag() tags} are also the values of the {@code smartid_lang} cookie, which the login
 * code reads to send {@code ui_locales} to the identity provider: do not change them.
 */
public enum SupportedLanguage {

    EN("en", Locale.ENGLISH),
    ZH_HK("zh-HK", Locale.forLanguageTag("zh-HK")),
    ZH_CN("zh-CN", Locale.forLanguageTag("zh-CN"));

    /** Used when nothing better is known. */
    public static final SupportedLanguage DEFAULT = EN;

    /** An Accept-Language header longer than this is not a real browser's: only its start is read. */
    static final int MAX_HEADER_LENGTH = 2_000;
    /** Only this many language ranges of an Accept-Language header are considered. */
    static final int MAX_RANGES = 40;

    private final String tag;
    private final Locale locale;

    SupportedLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** {@code en}, {@code zh-HK} or {@code zh-CN}: the BCP 47 tag, also the cookie value. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The supported language with exactly this tag ({@code en}, {@code zh-HK}, {@code zh-CN}; ASCII case is
     * ignored, surrounding blanks are not accepted). Anything else, including {@code null}, is empty.
     */
    public static Optional<SupportedLanguage> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (SupportedLanguage language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The supported language that best matches an HTTP {@code Accept-Language} header, honouring the
     * q-values (on equal q, the earlier range wins). Chinese is mapped by script or region: Traditional
     * ({@code zh-Hant}, {@code zh-TW}, {@code zh-HK}, {@code zh-MO}) and Cantonese ({@code yue}) give
     * {@code zh-HK}; Simplified ({@code zh-Hans}, {@code zh-CN}, {@code zh-SG}, {@code zh-MY}) and a plain
     * {@code zh} give {@code zh-CN}. A null, blank, malformed header or one with no usable range gives
     * {@link #DEFAULT}.
     */
    public static SupportedLanguage bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        String header = acceptLanguage.length() > MAX_HEADER_LENGTH
                ? acceptLanguage.substring(0, MAX_HEADER_LENGTH) : acceptLanguage;
        List<WeightedRange> ranges = new ArrayList<>();
        String[] items = header.split(",");
        for (int i = 0; i < items.length && ranges.size() < MAX_RANGES; i++) {
            WeightedRange range = WeightedRange.parse(items[i], i);
            if (range != null && range.weight > 0) {
                ranges.add(range);
            }
        }
        ranges.sort(Comparator.comparingDouble((WeightedRange r) -> -r.weight).thenComparingInt(r -> r.position));
        for (WeightedRange range : ranges) {
            Optional<SupportedLanguage> match = forRange(range.range);
            if (match.isPresent()) {
                return match.get();
            }
        }
        return DEFAULT;
    }

    /** The supported language for one lower-cased language range such as {@code zh-hant-tw}, if any. */
    static Optional<SupportedLanguage> forRange(String range) {
        String[] subtags = range.split("[-_]");
        String primary = subtags[0];
        switch (primary) {
            case "en":
                return Optional.of(EN);
            case "yue":
                return Optional.of(ZH_HK);
            case "zh":
                return Optional.of(chineseVariant(subtags));
            default:
                return Optional.empty();
        }
    }

    private static SupportedLanguage chineseVariant(String[] subtags) {
        // The script subtag decides if present; otherwise the region; otherwise Simplified (mainland default).
        for (int i = 1; i < subtags.length; i++) {
            switch (subtags[i]) {
                case "hant":
                    return ZH_HK;
                case "hans":
                    return ZH_CN;
                default:
                    break;
            }
        }
        for (int i = 1; i < subtags.length; i++) {
            switch (subtags[i]) {
                case "hk":
                case "tw":
                case "mo":
                case "yue": // legacy zh-yue (Cantonese)
                    return ZH_HK;
                case "cn":
                case "sg":
                case "my":
                    return ZH_CN;
                default:
                    break;
            }
        }
        return ZH_CN;
    }

    /** One {@code range;q=weight} item of an Accept-Language header. */
    private static final class WeightedRange {
        final String range;
        final double weight;
        final int position;

        private WeightedRange(String range, double weight, int position) {
            this.range = range;
            this.weight = weight;
            this.position = position;
        }

        /** The item, lower-cased, or null if it is not a well-formed language range. */
        static WeightedRange parse(String item, int position) {
            String[] parts = item.split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            if (range.isEmpty() || range.length() > 64 || !range.matches("\\*|[a-z]{1,8}([-_][a-z0-9]{1,8})*")) {
                return null;
            }
            double weight = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (Double.isNaN(weight) || weight < 0 || weight > 1) {
                        return null;
                    }
                }
            }
            return new WeightedRange(range, weight, position);
        }
    }
}
