package hk.smartid.portal.applications;

import java.io.Serializable;
import java.util.List;

/**
 * Why a form field's value was refused: the key of the message in the portal's bundles ({@code apply.error.*}) and
 * the values it names (a length, the bounds), so it is shown in the reader's language at the time of reading.
 */
public record FieldError(String messageKey, List<Object> arguments) implements Serializable {

    public FieldError {
        arguments = List.copyOf(arguments);
    }

    static FieldError of(String kind, Object... arguments) {
        return new FieldError("apply.error." + kind, List.of(arguments));
    }
}
