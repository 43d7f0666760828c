package hk.smartid.portal.catalogue;

import java.io.Serializable;

/** A question residents ask about an e-service, with its answer. */
public record Faq(TrilingualText question, TrilingualText answer) implements Serializable {
}
