package hk.smartid.portal.catalogue.search;

import hk.smartid.portal.catalogue.EService;

import java.io.Serializable;

/** One e-service found by a search, with its name and an extract of its summary, matches marked. */
public record SearchHit(EService service, HighlightedText name, HighlightedText extract, float score)
        implements Serializable {
}
