package hk.smartid.portal.catalogue;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** A field of an e-service's application form, as the department defined it. */
public record FormField(String name, FieldType type, boolean required, PrefillAttribute prefill,
                        TrilingualText label, FieldConstraints constraints, List<FieldOption> options)
        implements Serializable {

    public FormField {
        options = List.copyOf(options);
    }

    public Optional<PrefillAttribute> prefilledFrom() {
        return Optional.ofNullable(prefill);
    }
}
