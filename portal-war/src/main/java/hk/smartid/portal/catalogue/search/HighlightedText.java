package hk.smartid.portal.catalogue.search;

import java.io.Serializable;
import java.util.List;

/**
 * A text cut into the parts that matched a search and those that did not, so that pages mark the matches with
 * their own element while the framework escapes every part: no HTML is ever built from a query or a text.
 */
public record HighlightedText(List<Segment> segments) implements Serializable {

    public HighlightedText {
        segments = List.copyOf(segments);
    }

    public record Segment(String text, boolean match) implements Serializable {
    }

    public static HighlightedText plain(String text) {
        return new HighlightedText(List.of(new Segment(text, false)));
    }

    public boolean hasMatch() {
        return segments.stream().anyMatch(Segment::match);
    }

    /** The text without marks. */
    public String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }
}
