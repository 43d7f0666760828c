package hk.smartid.portal.catalogue;

import java.io.Serializable;

/** The government department that provides an e-service. */
public record Department(String id, TrilingualText name) implements Serializable {
}
