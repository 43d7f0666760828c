package hk.smartid.chatbot.answer;

public record Link(String title, String url) {
}
