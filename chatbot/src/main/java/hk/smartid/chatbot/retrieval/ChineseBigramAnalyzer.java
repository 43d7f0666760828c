package hk.smartid.chatbot.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese as Lucene's CJK analyzer cuts it, without stop words: full-width Latin and half-width kana folded,
 * lower case, Han (and kana, Hangul) as overlapping two-character terms, so text without spaces such as 續領駕駛執照
 * or 生果金 matches without a dictionary; with single characters too when indexing for queries of one character.
 * The portal's catalogue search and the chatbot cut Chinese this one way.
 */
public final class ChineseBigramAnalyzer extends Analyzer {

    private final boolean withUnigrams;

    public ChineseBigramAnalyzer(boolean withUnigrams) {
        this.withUnigrams = withUnigrams;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, withUnigrams);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** The distinct terms an analyzer makes of a text, in order, at most {@code max}. */
    public static List<String> terms(Analyzer analyzer, String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("query", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < max) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }
}
