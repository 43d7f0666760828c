package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.FieldType;
import hk.smartid.portal.catalogue.FormField;

import java.io.Serializable;

/**
 * One field of a form being filled in: the department's definition, the value so far (text; a date and a checkbox
 * as a boolean property for its component), whether it came from the digital ID and whether it is
 * verified (then it is read-only and the IdP's value is what is submitted), and the error from the last check. A
 * date is the text of the browser's own date input ({@code yyyy-MM-dd}), checked by {@link FormFieldCheck}.
 */
public class FormEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FormField field;
    private String value;
    private boolean prefilled;
    private boolean verified;
    private FieldError error;

    FormEntry(FormField field) {
        this.field = field;
        this.value = "";
    }

    void prefill(String value, boolean verified) {
        this.value = value;
        this.prefilled = true;
        this.verified = verified;
    }

    /** No longer from the digital ID (the IdP no longer has it): the resident's to fill in. */
    void unlock() {
        this.verified = false;
    }

    public FormField getField() {
        return field;
    }

    /** The field's name, also the suffix of its element ids on the page. */
    public String getName() {
        return field.name();
    }

    public String getType() {
        return field.type().value();
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        if (!verified) {
            this.value = value == null ? "" : value;
        }
    }

    /** For the checkbox. */
    public boolean isChecked() {
        return "true".equals(value);
    }

    public void setChecked(boolean checked) {
        setValue(Boolean.toString(checked));
    }

    public boolean isPrefilled() {
        return prefilled;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean isCheckbox() {
        return field.type() == FieldType.CHECKBOX;
    }

    public FieldError getError() {
        return error;
    }

    void setError(FieldError error) {
        this.error = error;
    }

    public boolean isInvalid() {
        return error != null;
    }
}
