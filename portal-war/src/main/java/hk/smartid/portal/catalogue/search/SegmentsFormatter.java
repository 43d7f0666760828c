package hk.smartid.portal.catalogue.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the highlighter's passages into {@link HighlightedText} instead of HTML. Overlapping matches (Chinese
 * bigrams overlap by one character) are merged; passages that are not adjacent are joined by an ellipsis.
 */
final class SegmentsFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public HighlightedText format(Passage[] passages, String content) {
        List<HighlightedText.Segment> segments = new ArrayList<>();
        int previousEnd = -1;
        for (Passage passage : passages) {
            if (previousEnd >= 0 && passage.getStartOffset() > previousEnd) {
                segments.add(new HighlightedText.Segment(" " + ELLIPSIS + " ", false));
            }
            int position = passage.getStartOffset();
            int[] starts = passage.getMatchStarts();
            int[] ends = passage.getMatchEnds();
            int i = 0;
            while (i < passage.getNumMatches()) {
                int start = Math.max(starts[i], position);
                int end = ends[i];
                // matches come sorted by start: swallow those that overlap or touch this one
                while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
                    end = Math.max(end, ends[i + 1]);
                    i++;
                }
                end = Math.min(end, passage.getEndOffset());
                if (start > position) {
                    segments.add(new HighlightedText.Segment(content.substring(position, start), false));
                }
                if (end > start) {
                    segments.add(new HighlightedText.Segment(content.substring(start, end), true));
                    position = end;
                }
                i++;
            }
            if (passage.getEndOffset() > position) {
                segments.add(new HighlightedText.Segment(content.substring(position, passage.getEndOffset()), false));
            }
            previousEnd = passage.getEndOffset();
        }
        return new HighlightedText(segments);
    }
}
