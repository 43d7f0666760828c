package hk.smartid.portal.applications;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;

/**
 * One value of a submitted form: the form field's name, the value as text (a date as ISO {@code yyyy-MM-dd}, a
 * checkbox as {@code true}/{@code false}, a select or radio as the option's value), whether it was pre-filled from
 * the resident's digital ID, and whether a counter had verified it (then it is the IdP's value, not the posted one).
 */
@Embeddable
public class SubmittedValue implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "field_name", nullable = false)
    private String fieldName;

    @Column(name = "field_value", nullable = false)
    private String value;

    @Column(name = "prefilled", nullable = false)
    private boolean prefilled;

    @Column(name = "verified", nullable = false)
    private boolean verified;

    protected SubmittedValue() {
        // JPA
    }

    public SubmittedValue(String fieldName, String value, boolean prefilled, boolean verified) {
        this.fieldName = fieldName;
        this.value = value;
        this.prefilled = prefilled;
        this.verified = verified;
    }

    public String getFieldName() {
        return fieldName;
    }

    public String getValue() {
        return value;
    }

    public boolean isPrefilled() {
        return prefilled;
    }

    public boolean isVerified() {
        return verified;
    }
}
