package hk.smartid.portal.catalogue;

import java.io.Serializable;

/** A group of e-services on the catalogue's home page, such as transport or housing. */
public record Category(String id, TrilingualText name) implements Serializable {
}
