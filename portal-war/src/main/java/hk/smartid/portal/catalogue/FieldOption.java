package hk.smartid.portal.catalogue;

import java.io.Serializable;

/** One choice of a select or radio field. */
public record FieldOption(String value, TrilingualText label) implements Serializable {
}
