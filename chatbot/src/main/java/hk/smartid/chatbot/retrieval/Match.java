package hk.smartid.chatbot.retrieval;

import hk.smartid.chatbot.catalogue.Service;

/**
 * A service the question may be about: its fused rank score, and the two rankers' own evidence (best passage
 * similarity, BM25 score).
 */
public record Match(Service service, double fused, double similarity, double lexical) {
}
