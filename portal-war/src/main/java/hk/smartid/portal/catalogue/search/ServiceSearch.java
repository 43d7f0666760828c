package hk.smartid.portal.catalogue.search;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.Faq;
import hk.smartid.portal.catalogue.ServiceCatalogue;
import hk.smartid.portal.catalogue.TrilingualText;
import hk.smartid.chatbot.retrieval.ChineseBigramAnalyzer;
import hk.smartid.portal.i18n.SupportedLanguage;
import org.apache.lucene.analysis.Analyzer;
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
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Full-text search over the catalogue, in memory with Apache Lucene, the way Hong Kong people type.
 *
 * <ul>
 *   <li>Chinese (both scripts): Han text is indexed as overlapping two-character terms plus single characters
 *   ({@link ChineseBigramAnalyzer}), so a query without spaces such as 续领驾驶执照 or 生果金 matches without a
 *   dictionary; a query is cut into bigrams only (a lone character stays one). Both Chinese versions of every
 *   service are searched whatever the reader's language, so Simplified finds Traditional content and back.</li>
 *   <li>English: stemmed ("renewal" finds "renew"), and every word of four letters or more also as a fuzzy
 *   term (one edit up to five letters, two beyond) against the unstemmed names and keywords: "drving licnse".</li>
 *   <li>Names count most, then the keywords (colloquial names, abbreviations), then the other texts.</li>
 * </ul>
 *
 * Immutable once built; safe for concurrent searches.
 */
public final class ServiceSearch {

    /** Longer queries are cut: nobody types more to find a service, and it bounds the work per query. */
    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_TERMS = 24;

    private static final String ID = "id";
    private static final String ZH_HK = "zh-HK";
    private static final String ZH_CN = "zh-CN";
    private static final String NAME = "name_";
    private static final String KEYWORDS = "keywords_";
    private static final String TEXT = "text_";
    /** English names and keywords unstemmed, for fuzzy terms. */
    private static final String PLAIN_EN = "plain_en";
    /** Every English word of the catalogue unstemmed: what typed words expand to for highlighting. */
    private static final String VOCABULARY_EN = "vocabulary_en";
    /** Pseudo-fields the highlighter analyses texts as. */
    private static final String HIGHLIGHT_EN = "highlight_en";
    private static final String HIGHLIGHT_ZH = "highlight_zh";

    private static final float NAME_BOOST = 5f;
    private static final float KEYWORDS_BOOST = 4f;
    private static final float FUZZY_BOOST = 2f;

    private final ServiceCatalogue catalogue;
    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer plainEnglish = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    private final Analyzer chineseIndex = new ChineseBigramAnalyzer(true);
    private final Analyzer chineseQuery = new ChineseBigramAnalyzer(false);
    private final IndexSearcher searcher;
    /** Null when the catalogue is empty. */
    private final Terms vocabulary;
    private final UnifiedHighlighter nameHighlighter;
    private final UnifiedHighlighter extractHighlighter;

    public ServiceSearch(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
        Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(english, Map.of(
                PLAIN_EN, plainEnglish, VOCABULARY_EN, plainEnglish,
                NAME + ZH_HK, chineseIndex, KEYWORDS + ZH_HK, chineseIndex, TEXT + ZH_HK, chineseIndex,
                NAME + ZH_CN, chineseIndex, KEYWORDS + ZH_CN, chineseIndex, TEXT + ZH_CN, chineseIndex));
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
            for (EService service : catalogue.services()) {
                writer.addDocument(document(service));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index the catalogue in memory", e);
        }
        try {
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            vocabulary = MultiTerms.getTerms(searcher.getIndexReader(), VOCABULARY_EN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Analyzer highlightAnalyzer = new PerFieldAnalyzerWrapper(plainEnglish, Map.of(HIGHLIGHT_ZH, chineseIndex));
        nameHighlighter = UnifiedHighlighter.builderWithoutSearcher(highlightAnalyzer)
                .withFormatter(new SegmentsFormatter())
                .withBreakIterator(WholeBreakIterator::new)
                .withHandleMultiTermQuery(false)
                .withMaxNoHighlightPassages(0)
                .build();
        extractHighlighter = UnifiedHighlighter.builderWithoutSearcher(highlightAnalyzer)
                .withFormatter(new SegmentsFormatter())
                .withBreakIterator(BreakIterator::getSentenceInstance)
                .withHandleMultiTermQuery(false)
                .withMaxNoHighlightPassages(1)
                .build();
    }

    /**
     * The services matching a query typed in any of the three languages, most relevant first, names and
     * extracts in the reader's language with the matches marked. A blank query finds nothing.
     */
    public List<SearchHit> search(String query, SupportedLanguage reader, int limit) {
        String typed = query == null ? "" : query.strip();
        if (typed.length() > MAX_QUERY_LENGTH) {
            typed = typed.substring(0, MAX_QUERY_LENGTH);
        }
        if (typed.isEmpty() || catalogue.isEmpty()) {
            return List.of();
        }
        List<String> englishTerms = terms(english, typed);
        List<String> plainTerms = terms(plainEnglish, typed);
        List<String> chineseTerms = terms(chineseQuery, typed);
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : englishTerms) {
            addFields(builder, term, "en");
        }
        for (String term : plainTerms) {
            if (fuzzyCandidate(term)) {
                builder.add(new BoostQuery(new FuzzyQuery(new Term(PLAIN_EN, term), maxEdits(term), 1),
                        FUZZY_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        for (String term : chineseTerms) {
            addFields(builder, term, ZH_HK);
            addFields(builder, term, ZH_CN);
        }
        Query lucene = builder.build();
        try {
            ScoreDoc[] found = searcher.search(lucene, limit).scoreDocs;
            List<SearchHit> hits = new ArrayList<>(found.length);
            Query highlight = reader == SupportedLanguage.EN
                    ? englishHighlightQuery(plainTerms) : chineseHighlightQuery(chineseTerms);
            String highlightField = reader == SupportedLanguage.EN ? HIGHLIGHT_EN : HIGHLIGHT_ZH;
            for (ScoreDoc scoreDoc : found) {
                String id = searcher.storedFields().document(scoreDoc.doc).get(ID);
                EService service = catalogue.service(id).orElseThrow();
                hits.add(new SearchHit(service,
                        highlight(nameHighlighter, highlightField, highlight, service.name().in(reader)),
                        highlight(extractHighlighter, highlightField, highlight, service.summary().in(reader)),
                        scoreDoc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the in-memory catalogue index", e);
        }
    }

    private static void addFields(BooleanQuery.Builder builder, String term, String language) {
        builder.add(new BoostQuery(new TermQuery(new Term(NAME + language, term)), NAME_BOOST),
                BooleanClause.Occur.SHOULD);
        builder.add(new BoostQuery(new TermQuery(new Term(KEYWORDS + language, term)), KEYWORDS_BOOST),
                BooleanClause.Occur.SHOULD);
        builder.add(new TermQuery(new Term(TEXT + language, term)), BooleanClause.Occur.SHOULD);
    }

    /**
     * English words as typed, the catalogue's words within their fuzzy distance, and those starting with their
     * stem ("renew" marks "renewal"): expanded once per search against the vocabulary, so that highlighting
     * each hit only compares terms (a fuzzy query would build its automaton again for every text).
     */
    private Query englishHighlightQuery(List<String> plainTerms) throws IOException {
        Set<String> words = new LinkedHashSet<>(plainTerms);
        if (vocabulary != null) {
            for (String term : plainTerms) {
                if (fuzzyCandidate(term)) {
                    TermsEnum similar = new FuzzyQuery(new Term(VOCABULARY_EN, term), maxEdits(term), 1)
                            .getAutomata().getTermsEnum(vocabulary);
                    for (BytesRef word = similar.next(); word != null; word = similar.next()) {
                        words.add(word.utf8ToString());
                    }
                }
                String stem = stem(term);
                if (stem.length() >= 4) {
                    TermsEnum all = vocabulary.iterator();
                    BytesRef prefix = new BytesRef(stem);
                    if (all.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
                        for (BytesRef word = all.term(); word != null && StringHelper.startsWith(word, prefix);
                             word = all.next()) {
                            words.add(word.utf8ToString());
                        }
                    }
                }
            }
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        words.stream().limit(IndexSearcher.getMaxClauseCount())
                .forEach(word -> builder.add(new TermQuery(new Term(HIGHLIGHT_EN, word)), BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private static Query chineseHighlightQuery(List<String> chineseTerms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : chineseTerms) {
            builder.add(new TermQuery(new Term(HIGHLIGHT_ZH, term)), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private static HighlightedText highlight(UnifiedHighlighter highlighter, String field, Query query, String text) {
        try {
            Object highlighted = highlighter.highlightWithoutSearcher(field, query, text, 2);
            return highlighted instanceof HighlightedText marked && !marked.segments().isEmpty()
                    ? marked : HighlightedText.plain(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fuzzyCandidate(String term) {
        return term.length() >= 4 && term.chars().allMatch(Character::isLetter)
                && term.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static int maxEdits(String term) {
        return term.length() <= 5 ? 1 : 2;
    }

    private String stem(String term) {
        List<String> stems = terms(english, term);
        return stems.isEmpty() ? term : stems.get(0);
    }

    private static Document document(EService service) {
        Document document = new Document();
        document.add(new StoredField(ID, service.id()));
        for (String language : List.of("en", ZH_HK, ZH_CN)) {
            document.add(new TextField(NAME + language, service.name().in(language), Field.Store.NO));
            document.add(new TextField(KEYWORDS + language, String.join("\n", service.keywordsIn(language)),
                    Field.Store.NO));
            document.add(new TextField(TEXT + language, String.join("\n", texts(service, language)),
                    Field.Store.NO));
        }
        document.add(new TextField(PLAIN_EN, service.name().en() + "\n" + String.join("\n", service.keywordsIn("en")),
                Field.Store.NO));
        document.add(new TextField(VOCABULARY_EN, service.name().en() + "\n"
                + String.join("\n", service.keywordsIn("en")) + "\n" + String.join("\n", texts(service, "en")),
                Field.Store.NO));
        return document;
    }

    private static List<String> texts(EService service, String language) {
        Stream<TrilingualText> texts = Stream.concat(
                Stream.of(service.summary(), service.eligibility(), service.howToApply(), service.fee().note(),
                        service.category().name(), service.department().name()),
                service.faq().stream().flatMap((Faq faq) -> Stream.of(faq.question(), faq.answer())));
        return texts.map(text -> text.in(language)).toList();
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        return ChineseBigramAnalyzer.terms(analyzer, text, MAX_TERMS);
    }
}
