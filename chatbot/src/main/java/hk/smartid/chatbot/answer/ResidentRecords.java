package hk.smartid.chatbot.answer;

import hk.smartid.chatbot.language.Language;

import java.util.List;

/**
 * The signed-in resident's own records, as the portal shows them to that resident only, in the answer's language:
 * the chatbot reads nothing else of a person. Absent (null in {@link Question}) for an anonymous visitor.
 */
public interface ResidentRecords {

    /** The resident's applications, newest first. */
    List<Entry> applications(Language language);

    /** The resident's unread messages, newest first. */
    List<Entry> unreadMessages(Language language);

    /** One application or message: what it is, where it stands, and its page in the portal (a path). */
    record Entry(String title, String status, String url) {
    }
}
