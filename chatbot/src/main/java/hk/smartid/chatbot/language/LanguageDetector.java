package hk.smartid.chatbot.language;

import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.catalogue.Text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells English, Hong Kong Chinese and Simplified Chinese apart in a short message.
 *
 * <ul>
 *   <li>Chinese when Han characters are at least as many as Latin words, or when written Cantonese shows
 *   ("點樣renew車牌" is Chinese with an English word, "how do I apply for 生果金" English with a Chinese name).</li>
 *   <li>Traditional or Simplified by the characters only one script uses: those of the catalogue's own parallel
 *   texts (a character in zh-CN that never occurs in zh-HK is Simplified, and back) plus common ones its formal
 *   texts lack (这, 吗, 怎么...). Written Cantonese (嘅, 咩, 喺, 點樣, 幾錢...) counts towards zh-HK: it is how
 *   Hong Kong people type, in either script.</li>
 *   <li>No telling character (e.g. only 公屋): zh-HK, the portal's own Chinese.</li>
 * </ul>
 */
public final class LanguageDetector {

    private static final String SIMPLIFIED = "这们吗么样怎说问请钱办证电话对时间个为发会过还没买卖让给从当长门车驾学儿几东该谁哪边"
            + "么种点样续页网号码费签护险医疗补领换";
    private static final String TRADITIONAL = "這們嗎麼樣說問請錢辦證電話對時間個為發會過還沒買賣讓給從當長門車駕學兒幾東該誰哪邊"
            + "麼種點樣續頁網號碼費簽護險醫療補領換";
    private static final List<String> CANTONESE = List.of("嘅", "咩", "喺", "唔", "冇", "乜", "嗰", "咗", "佢", "啲", "噉",
            "嘢", "畀", "攞", "睇", "㗎", "喎", "嚟", "哋", "搵", "揾", "點樣", "点样", "幾錢", "几钱", "邊度", "边度", "而家",
            "點解", "点解", "係咪", "系咪", "咁樣", "幾時", "几时", "使唔使", "得唔得", "啱");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    private final Set<Integer> simplified = new HashSet<>();
    private final Set<Integer> traditional = new HashSet<>();

    public LanguageDetector(Catalogue catalogue) {
        Set<Integer> inHK = new HashSet<>();
        Set<Integer> inCN = new HashSet<>();
        for (Service service : catalogue.services()) {
            texts(service).forEach(text -> {
                text.zhHK().codePoints().forEach(inHK::add);
                text.zhCN().codePoints().forEach(inCN::add);
            });
        }
        inCN.stream().filter(c -> !inHK.contains(c) && isHan(c)).forEach(simplified::add);
        inHK.stream().filter(c -> !inCN.contains(c) && isHan(c)).forEach(traditional::add);
        SIMPLIFIED.codePoints().forEach(simplified::add);
        TRADITIONAL.codePoints().forEach(traditional::add);
        // a character both scripts use in the fixed lists (e.g. 么/麼 pairs) is no evidence
        Set<Integer> both = new HashSet<>(simplified);
        both.retainAll(traditional);
        simplified.removeAll(both);
        traditional.removeAll(both);
    }

    private static Stream<Text> texts(Service service) {
        return Stream.concat(Stream.of(service.name(), service.summary(), service.eligibility(), service.howToApply(),
                        service.feeNote()),
                service.faq().stream().flatMap(faq -> Stream.of(faq.question(), faq.answer())));
    }

    public Language detect(String message) {
        int han = 0;
        int simplifiedCount = 0;
        int traditionalCount = 0;
        for (int c : message.codePoints().toArray()) {
            if (isHan(c)) {
                han++;
                if (simplified.contains(c)) {
                    simplifiedCount++;
                } else if (traditional.contains(c)) {
                    traditionalCount++;
                }
            }
        }
        if (han == 0) {
            return Language.EN;
        }
        int cantonese = (int) CANTONESE.stream().filter(message::contains).count();
        long latinWords = LATIN_WORD.matcher(message).results().count();
        if (cantonese == 0 && latinWords > han) {
            return Language.EN;
        }
        if (simplifiedCount > traditionalCount + cantonese) {
            return Language.ZH_CN;
        }
        return Language.ZH_HK;
    }

    static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
