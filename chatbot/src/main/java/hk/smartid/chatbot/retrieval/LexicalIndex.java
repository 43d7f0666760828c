package hk.smartid.chatbot.retrieval;

import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexical ranking of the services with Apache Lucene (BM25), in memory: English stemmed plus fuzzy terms for
 * typos against names and keywords; Chinese in both scripts as overlapping character bigrams (no dictionary
 * needed, and written Cantonese is cut like any other Chinese). Names weigh most, then keywords, then the
 * other texts (summary, eligibility, how to apply, fee note, FAQ).
 */
final class LexicalIndex {

    private static final int MAX_TERMS = 32;
    private static final String ID = "id";
    private static final String NAME = "name_";
    private static final String KEYWORDS = "keywords_";
    private static final String TEXT = "text_";
    private static final String PLAIN_EN = "plain_en";
    /** Every English word of the service's texts, unstemmed: the words a typo is corrected to. */
    private static final String WORDS_EN = "words_en";
    /** Shorter words are left as written: too many real words are one edit away from a short one (kids, kinds). */
    private static final int MIN_CORRECTED_LENGTH = 6;
    private static final float NAME_BOOST = 3f;
    private static final float KEYWORDS_BOOST = 3f;
    private static final float FUZZY_BOOST = 1.5f;
    /**
     * Question words that say nothing about which service is meant ("how", "fee", 點樣, 幾錢, 怎么): they only
     * pull every service that mentions a fee or an application towards the top.
     */
    private static final CharArraySet ENGLISH_STOP = new CharArraySet(List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with", "i", "me", "my", "we", "our", "you", "your", "he", "she", "his", "her", "him", "do", "does",
            "did", "can", "could", "should", "would", "how", "what", "when", "where", "who", "which", "much", "many",
            "long", "get", "got", "need", "want", "have", "has", "any", "some", "about", "from", "so", "just", "pls",
            "please", "hi", "hello", "there", "am", "im", "its", "u", "yr", "one", "new", "apply", "application"), true);

    private final Analyzer english = new EnglishAnalyzer(ENGLISH_STOP);
    private final Analyzer plainEnglish = new StandardAnalyzer(ENGLISH_STOP);
    private final Analyzer chinese = new ChineseBigramAnalyzer(false);
    private final Analyzer words = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final DirectSpellChecker spelling = new DirectSpellChecker();
    private final IndexSearcher searcher;
    private final List<Service> services;

    LexicalIndex(Catalogue catalogue) {
        services = catalogue.services();
        Analyzer analyzer = new PerFieldAnalyzerWrapper(english, Map.of(
                PLAIN_EN, plainEnglish, WORDS_EN, words,
                NAME + Language.ZH_HK.tag(), chinese, KEYWORDS + Language.ZH_HK.tag(), chinese, TEXT + Language.ZH_HK.tag(), chinese,
                NAME + Language.ZH_CN.tag(), chinese, KEYWORDS + Language.ZH_CN.tag(), chinese, TEXT + Language.ZH_CN.tag(), chinese));
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Service service : services) {
                writer.addDocument(document(service));
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index the catalogue in memory", e);
        }
        // one edit (a transposition counts as one): "watr", "wrok", "compansation"; not the catalogue's own words
        spelling.setMaxEdits(1);
        spelling.setMinQueryLength(MIN_CORRECTED_LENGTH);
    }

    /**
     * The message with each English word the catalogue does not use replaced by the catalogue's word one edit away
     * (Lucene's {@link DirectSpellChecker} over the catalogue's English texts), so that the sentence embedding, which
     * knows nothing of typos, reads "water supply" for "watr supply". Other words are kept as written.
     */
    String spellCorrected(String message) {
        StringBuilder corrected = new StringBuilder(message.length());
        int written = 0;
        try (TokenStream stream = words.tokenStream(WORDS_EN, message)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.length() < MIN_CORRECTED_LENGTH || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')
                        || catalogueUses(word)) {
                    continue;
                }
                SuggestWord[] suggestions = spelling.suggestSimilar(new Term(WORDS_EN, word), 1,
                        searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length > 0) {
                    corrected.append(message, written, offset.startOffset()).append(suggestions[0].string);
                    written = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corrected.append(message, written, message.length()).toString();
    }

    /** BM25 score of every service that matches, by service id. */
    Map<String, Float> scores(String message) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : ChineseBigramAnalyzer.terms(english, message, MAX_TERMS)) {
            add(query, term, Language.EN);
        }
        for (String term : ChineseBigramAnalyzer.terms(plainEnglish, message, MAX_TERMS)) {
            if (term.length() >= 4 && term.chars().allMatch(c -> c < 0x80 && Character.isLetter(c))) {
                query.add(new BoostQuery(new FuzzyQuery(new Term(PLAIN_EN, term), term.length() <= 5 ? 1 : 2, 1),
                        FUZZY_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        for (String term : ChineseBigramAnalyzer.terms(chinese, message, MAX_TERMS)) {
            if (isHan(term)) {
                add(query, term, Language.ZH_HK);
                add(query, term, Language.ZH_CN);
            }
        }
        try {
            Map<String, Float> scores = new HashMap<>();
            for (ScoreDoc hit : searcher.search(query.build(), services.size()).scoreDocs) {
                scores.put(searcher.storedFields().document(hit.doc).get(ID), hit.score);
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the catalogue uses the word in another form ("leaking": "leaks"), as the English stemmer sees it. */
    private boolean catalogueUses(String word) throws IOException {
        for (String stem : ChineseBigramAnalyzer.terms(english, word, 1)) {
            for (String field : List.of(NAME, KEYWORDS, TEXT)) {
                if (searcher.getIndexReader().docFreq(new Term(field + Language.EN.tag(), stem)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isHan(String term) {
        return term.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static void add(BooleanQuery.Builder query, String term, Language language) {
        query.add(new BoostQuery(new TermQuery(new Term(NAME + language.tag(), term)), NAME_BOOST), BooleanClause.Occur.SHOULD);
        query.add(new BoostQuery(new TermQuery(new Term(KEYWORDS + language.tag(), term)), KEYWORDS_BOOST), BooleanClause.Occur.SHOULD);
        query.add(new TermQuery(new Term(TEXT + language.tag(), term)), BooleanClause.Occur.SHOULD);
    }

    private static Document document(Service service) {
        Document document = new Document();
        document.add(new StoredField(ID, service.id()));
        for (Language language : Language.values()) {
            document.add(new TextField(NAME + language.tag(), service.name().in(language), Field.Store.NO));
            document.add(new TextField(KEYWORDS + language.tag(), String.join("\n", service.keywordsIn(language)), Field.Store.NO));
            document.add(new TextField(TEXT + language.tag(), String.join("\n", Passages.texts(service, language).toList()),
                    Field.Store.NO));
        }
        document.add(new TextField(WORDS_EN, String.join("\n", service.name().en(),
                String.join("\n", service.keywordsIn(Language.EN)),
                String.join("\n", Passages.texts(service, Language.EN).toList())), Field.Store.NO));
        document.add(new TextField(PLAIN_EN, service.name().en() + "\n" + String.join("\n", service.keywordsIn(Language.EN)),
                Field.Store.NO));
        return document;
    }
}
