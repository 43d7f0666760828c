package hk.smartid.chatbot.retrieval;

import hk.smartid.chatbot.catalogue.Service;

/**
 * A service the question may be about: its fused rank score, and the two rankers' own evidence (best passage
 * similarity, best similarity to what the service is: its name, summary or keywords; BM25 score).
 */
public record Match(Service service, double fused, double similarity, double coreSimilarity, double lexical) {
}
