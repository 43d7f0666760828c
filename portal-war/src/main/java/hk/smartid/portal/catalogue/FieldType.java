package hk.smartid.portal.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of field an e-service form may have. */
public enum FieldType {
    TEXT, TEXTAREA, NUMBER, DATE, SELECT, RADIO, CHECKBOX, EMAIL, TEL, HKID;

    /** As written in services.json. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasOptions() {
        return this == SELECT || this == RADIO;
    }

    public static Optional<FieldType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value().equals(value)).findFirst();
    }
}
