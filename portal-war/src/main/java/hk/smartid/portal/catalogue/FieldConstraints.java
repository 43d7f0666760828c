package hk.smartid.portal.catalogue;

import java.io.Serializable;

/**
 * Limits on a form field's value; each is null when the field has none. {@code maxLength} for text and textarea,
 * {@code min}/{@code max} for number, {@code notFuture}/{@code notPast} for date.
 */
public record FieldConstraints(Integer maxLength, Long min, Long max, boolean notFuture, boolean notPast)
        implements Serializable {

    public static final FieldConstraints NONE = new FieldConstraints(null, null, null, false, false);
}
