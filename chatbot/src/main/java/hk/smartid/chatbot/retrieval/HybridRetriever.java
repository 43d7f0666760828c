package hk.smartid.chatbot.retrieval;

import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid retrieval: the lexical (Lucene BM25) and dense (sentence embeddings) rankings fused by reciprocal rank
 * fusion, with a confidence from both rankers' absolute evidence, calibrated on the development questions so
 * that a question about no service (weather, shares, chit-chat, a near miss like an MTR fare) stays below
 * {@link #CONFIDENT}. Immutable once built; safe for concurrent questions.
 */
public final class HybridRetriever {

    /** At or above this confidence the best match is taken as the service meant. */
    public static final double CONFIDENT = 0.5;
    /** Reciprocal rank fusion's constant (the usual 60 flattens a 53-document ranking too much). */
    private static final double RRF_K = 10;

    private final Catalogue catalogue;
    private final LexicalIndex lexical;
    private final SemanticIndex semantic;

    public HybridRetriever(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.lexical = new LexicalIndex(catalogue);
        this.semantic = new SemanticIndex(catalogue, SemanticIndex.EmbeddingModels.shared());
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Retrieval retrieve(String message, Language language) {
        String text = language == Language.EN ? lexical.spellCorrected(message) : message;
        Map<String, Float> lexicalScores = lexical.scores(text);
        SemanticIndex.Similarities dense = semantic.similarities(text, language);
        Map<String, Float> similarities = dense.any();
        Map<String, Integer> lexicalRanks = ranks(lexicalScores);
        Map<String, Integer> denseRanks = ranks(similarities);
        List<Match> matches = new ArrayList<>();
        for (Service service : catalogue.services()) {
            double fused = 1.0 / (RRF_K + denseRanks.get(service.id()));
            Integer lexicalRank = lexicalRanks.get(service.id());
            if (lexicalRank != null) {
                fused += 1.0 / (RRF_K + lexicalRank);
            }
            matches.add(new Match(service, fused, similarities.getOrDefault(service.id(), 0f),
                    dense.core().getOrDefault(service.id(), 0f), lexicalScores.getOrDefault(service.id(), 0f)));
        }
        matches.sort(Comparator.comparingDouble(Match::fused).reversed());
        return new Retrieval(matches, confidence(matches, language));
    }

    /**
     * How sure the first match is meant: the dense similarity of that service (how close the question's meaning
     * is to one of its passages) and whether the lexical ranking agrees (terms of its name, keywords or texts),
     * each against a calibrated point, through a logistic.
     */
    static double confidence(List<Match> matches, Language language) {
        Match best = matches.get(0);
        // what the service is (its name, summary, keywords) weighs in beside its best passage: a question close only
        // to a detail (the weather, in a campsite's FAQ) is less surely about the service. Fitted by log loss on the
        // development questions; bge-small-zh's cosines run higher and closer together than MiniLM's.
        double similarity = 0.75 * best.similarity() + 0.25 * best.coreSimilarity();
        double similarityEvidence = language.isChinese() ? (similarity - 0.55) / 0.04 : (similarity - 0.42) / 0.06;
        double lexicalEvidence = (Math.min(best.lexical(), 40) - 12) / 15;
        return 1 / (1 + Math.exp(-(similarityEvidence + lexicalEvidence)));
    }

    private static Map<String, Integer> ranks(Map<String, Float> scores) {
        List<Map.Entry<String, Float>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<String, Float>comparingByValue().reversed());
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            ranks.put(sorted.get(i).getKey(), i + 1);
        }
        return ranks;
    }
}
