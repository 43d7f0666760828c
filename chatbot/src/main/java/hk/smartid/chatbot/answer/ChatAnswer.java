package hk.smartid.chatbot.answer;

import java.util.List;

/**
 * One answer of the chatbot, as the chat API returns it: the text (plain text, never markup), its language tag,
 * the catalogue service it is about (null when none), links (service pages, relative to the portal), the
 * retrieval's confidence (0..1) and the intent's name ({@link Intent#value()}).
 */
public record ChatAnswer(String answer, String lang, String serviceId, List<Link> links, double confidence,
                         String intent) {

    public ChatAnswer {
        links = List.copyOf(links);
    }
}
