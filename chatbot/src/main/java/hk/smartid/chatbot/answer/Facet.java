package hk.smartid.chatbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of a service a question asks about, told by the words people use for it in the three languages
 * (and in written Cantonese): the answer then leads with that fact, and a follow-up like "how much is it?"
 * or 要帶咩文件？ is understood to be about the service of the conversation.
 */
enum Facet {
    FEE(List.of("how much", "fee", "cost", "price", "charge", "expensive", "free of charge", "幾錢", "几钱", "幾多錢",
            "多少錢", "多少钱", "費用", "费用", "收費", "收费", "價錢", "价钱", "要錢", "要钱", "免費", "免费", "付費", "付费")),
    PROCESSING_TIME(List.of("how long", "how many days", "processing time", "when will", "how soon", "幾耐", "几耐",
            "幾多日", "多久", "幾時有", "几时有", "需時", "需时", "處理時間", "处理时间", "幾日", "几天", "多少天")),
    ELIGIBILITY(List.of("eligib", "qualify", "who can", "can i apply", "am i allowed", "requirement", "資格", "资格",
            "符唔符合", "符合", "可唔可以申請", "能不能申请", "可以申请吗", "可以申請嗎", "條件", "条件")),
    HOW_TO_APPLY(List.of("how do i apply", "how to apply", "how can i apply", "document", "bring", "steps",
            "where do i", "where can i", "apply online", "點樣申請", "点样申请", "怎樣申請", "怎样申请", "怎么申请", "如何申請",
            "如何申请", "文件", "帶咩", "带咩", "帶什麼", "带什么", "手續", "手续", "喺邊", "喺边", "在哪", "去邊", "去哪",
            "證明", "证明", "材料"));

    private final List<String> cues;

    Facet(List<String> cues) {
        this.cues = cues;
    }

    static Optional<Facet> askedIn(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (Facet facet : values()) {
            if (facet.cues.stream().anyMatch(lower::contains)) {
                return Optional.of(facet);
            }
        }
        return Optional.empty();
    }
}
