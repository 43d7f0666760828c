package hk.smartid.chatbot.answer;

/**
 * A message to the chatbot: its text, the language asked for (a tag, or null to detect it from the text), the
 * conversation it belongs to (null for a single question) and whether a resident is signed in.
 */
public record Question(String message, String lang, String conversation, boolean signedIn) {

    public static Question of(String message) {
        return new Question(message, null, null, false);
    }
}
