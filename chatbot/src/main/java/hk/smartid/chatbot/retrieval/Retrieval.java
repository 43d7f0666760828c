package hk.smartid.chatbot.retrieval;

import java.util.List;

/** The services ranked for a question, best first, and how sure the ranking is that the first is meant (0..1). */
public record Retrieval(List<Match> matches, double confidence) {

    public Retrieval {
        matches = List.copyOf(matches);
    }

    public Match best() {
        return matches.get(0);
    }
}
