package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.FieldConstraints;
import hk.smartid.portal.catalogue.FieldOption;
import hk.smartid.portal.catalogue.FieldType;
import hk.smartid.portal.catalogue.FormField;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's check of one value of an e-service form against the department's definition of the field: required,
 * its type, its {@code constraints} and, for select and radio fields, its options. Values are text as posted (a date
 * as ISO {@code yyyy-MM-dd}, a checkbox as {@code true}/{@code false}); a blank optional value is accepted.
 */
public final class FormFieldCheck {

    /** Longest value kept of a field whose definition sets no maxLength (the database column holds 4000). */
    static final int TEXT_LIMIT = 1000;
    static final int TEXTAREA_LIMIT = 4000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    /** A Hong Kong number of 8 digits (fixed lines start 2 or 3, mobiles 4 to 9), optionally with +852. */
    private static final Pattern HONG_KONG_PHONE = Pattern.compile("(\\+852 ?)?[2-9][0-9]{3} ?[0-9]{4}");

    private FormFieldCheck() {
    }

    /** What is wrong with {@code value} for {@code field}, today being {@code today} (Hong Kong); empty when fine. */
    public static Optional<FieldError> check(FormField field, String value, LocalDate today) {
        String text = value == null ? "" : value.strip();
        FieldConstraints limits = field.constraints() == null ? FieldConstraints.NONE : field.constraints();
        if (field.type() == FieldType.CHECKBOX) {
            if (!text.isEmpty() && !"true".equals(text) && !"false".equals(text)) {
                return Optional.of(FieldError.of("option"));
            }
            return field.required() && !"true".equals(text) ? Optional.of(FieldError.of("tick")) : Optional.empty();
        }
        if (text.isEmpty()) {
            return field.required() ? Optional.of(FieldError.of("required")) : Optional.empty();
        }
        return switch (field.type()) {
            case TEXT -> length(text, limits.maxLength() != null ? limits.maxLength() : TEXT_LIMIT);
            case TEXTAREA -> length(text, limits.maxLength() != null ? limits.maxLength() : TEXTAREA_LIMIT);
            case NUMBER -> number(text, limits);
            case DATE -> date(text, limits, today);
            case SELECT, RADIO -> field.options().stream().map(FieldOption::value).anyMatch(text::equals)
                    ? Optional.empty() : Optional.of(FieldError.of("option"));
            case CHECKBOX -> Optional.empty();
            case EMAIL -> EMAIL.matcher(text).matches() && text.length() <= 254
                    ? Optional.empty() : Optional.of(FieldError.of("email"));
            case TEL -> HONG_KONG_PHONE.matcher(text).matches() ? Optional.empty() : Optional.of(FieldError.of("tel"));
            case HKID -> HkidNumber.problem(text).map(problem -> problem == HkidNumber.Problem.SHAPE
                    ? FieldError.of("hkid") : FieldError.of("hkidCheckDigit"));
        };
    }

    /** The value as stored: stripped, an HKID number in its printed form. Only for values {@link #check} accepted. */
    public static String normalised(FormField field, String value) {
        String text = value == null ? "" : value.strip();
        return field.type() == FieldType.HKID ? HkidNumber.canonical(text).orElse(text) : text;
    }

    private static Optional<FieldError> length(String text, int maxLength) {
        return text.codePointCount(0, text.length()) > maxLength
                ? Optional.of(FieldError.of("maxLength", maxLength)) : Optional.empty();
    }

    private static Optional<FieldError> number(String text, FieldConstraints limits) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            return Optional.of(FieldError.of("number"));
        }
        long number = Long.parseLong(text);
        boolean tooSmall = limits.min() != null && number < limits.min();
        boolean tooLarge = limits.max() != null && number > limits.max();
        if (tooSmall || tooLarge) {
            return Optional.of(limits.min() != null && limits.max() != null
                    ? FieldError.of("range", limits.min(), limits.max())
                    : tooSmall ? FieldError.of("min", limits.min()) : FieldError.of("max", limits.max()));
        }
        return Optional.empty();
    }

    private static Optional<FieldError> date(String text, FieldConstraints limits, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return Optional.of(FieldError.of("date"));
        }
        if (limits.notFuture() && date.isAfter(today)) {
            return Optional.of(FieldError.of("notFuture"));
        }
        if (limits.notPast() && date.isBefore(today)) {
            return Optional.of(FieldError.of("notPast"));
        }
        return Optional.empty();
    }
}
