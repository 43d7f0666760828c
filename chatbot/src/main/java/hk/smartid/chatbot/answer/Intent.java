package hk.smartid.chatbot.answer;

/** What an answer does, as named in the chat API. */
public enum Intent {
    /** Facts about one catalogue service. */
    SERVICE_INFO("service-info"),
    /** The resident's own applications. */
    MY_APPLICATIONS("my-applications"),
    /** The resident's own messages. */
    MY_NOTIFICATIONS("my-notifications"),
    /** No service is meant, or the chatbot is not sure which: says so, with the closest services and 1823. */
    FALLBACK("fallback"),
    /** An empty, over-long or markup message: asks for a plain question. */
    INVALID("invalid");

    private final String value;

    Intent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
