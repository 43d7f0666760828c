package hk.smartid.chatbot.catalogue;

public record Faq(Text question, Text answer) {
}
