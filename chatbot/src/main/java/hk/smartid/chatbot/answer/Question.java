package hk.smartid.chatbot.answer;

/**
 * A message to the chatbot: its text, the language asked for (a tag, or null to detect it from the text), the
 * conversation it belongs to (null for a single question) and the signed-in resident's own records (null for an
 * anonymous visitor).
 */
public record Question(String message, String lang, String conversation, ResidentRecords resident) {

    public static Question of(String message) {
        return new Question(message, null, null, null);
    }
}
