package hk.smartid.portal.applications;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;

/** In what capacity someone changed an application's status; stored as {@link #value()}. */
public enum ActorRole {
    RESIDENT("resident"), OFFICER("officer"), PAYMENT_PROVIDER("payment-provider");

    private final String value;

    ActorRole(String value) {
        this.value = value;
    }

    /** {@code resident}, {@code officer} or {@code payment-provider}: as stored in the status history. */
    public String value() {
        return value;
    }

    public static ActorRole of(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No actor role '" + value + "'"));
    }

    /** Stores the role as its value. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<ActorRole, String> {
        @Override
        public String convertToDatabaseColumn(ActorRole role) {
            return role == null ? null : role.value;
        }

        @Override
        public ActorRole convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
