package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.FieldConstraints;
import hk.smartid.portal.catalogue.FieldOption;
import hk.smartid.portal.catalogue.FieldType;
import hk.smartid.portal.catalogue.FormField;
import hk.smartid.portal.catalogue.TrilingualText;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FormFieldCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final TrilingualText LABEL = new TrilingualText("Label", "標籤", "标签");

    @Test
    void aRequiredFieldMustBeFilledAndAnOptionalOneMayBeLeftBlank() {
        assertThat(error(field(FieldType.TEXT, true, FieldConstraints.NONE), "  ")).contains("apply.error.required");
        assertThat(error(field(FieldType.TEXT, false, FieldConstraints.NONE), "")).isEmpty();
        assertThat(error(field(FieldType.CHECKBOX, true, FieldConstraints.NONE), "false")).contains("apply.error.tick");
        assertThat(error(field(FieldType.CHECKBOX, true, FieldConstraints.NONE), "true")).isEmpty();
        assertThat(error(field(FieldType.CHECKBOX, false, FieldConstraints.NONE), "maybe")).contains("apply.error.option");
    }

    @Test
    void textIsLimitedToItsMaxLengthInCharactersNotBytes() {
        FormField name = field(FieldType.TEXT, true, new FieldConstraints(4, null, null, false, false));
        assertThat(error(name, "陳大文仔")).isEmpty();
        assertThat(FormFieldCheck.check(name, "陳大文仔X", TODAY)).contains(FieldError.of("maxLength", 4));
        assertThat(error(field(FieldType.TEXTAREA, true, FieldConstraints.NONE), "x".repeat(4001)))
                .contains("apply.error.maxLength");
    }

    @Test
    void numbersAreWholeAndWithinTheirBounds() {
        FormField count = field(FieldType.NUMBER, true, new FieldConstraints(null, 1L, 12L, false, false));
        assertThat(error(count, "12")).isEmpty();
        assertThat(FormFieldCheck.check(count, "13", TODAY)).contains(FieldError.of("range", 1L, 12L));
        assertThat(error(count, "0")).contains("apply.error.range");
        assertThat(error(count, "1.5")).contains("apply.error.number");
        assertThat(error(count, "twelve")).contains("apply.error.number");
        assertThat(error(count, "99999999999999999999")).contains("apply.error.number");
    }

    @Test
    void datesAreIsoAndNotFutureOrNotPastAsDefined() {
        FormField birth = field(FieldType.DATE, true, new FieldConstraints(null, null, null, true, false));
        FormField appointment = field(FieldType.DATE, true, new FieldConstraints(null, null, null, false, true));
        assertThat(error(birth, "2026-11-27")).isEmpty();
        assertThat(error(birth, "2026-11-28")).contains("apply.error.notFuture");
        assertThat(error(appointment, "2026-11-26")).contains("apply.error.notPast");
        assertThat(error(appointment, "2026-11-27")).isEmpty();
        assertThat(error(birth, "27/11/2026")).contains("apply.error.date");
        assertThat(error(birth, "2026-02-30")).contains("apply.error.date");
    }

    @Test
    void hkidNumbersHaveTheirShapeAndCheckDigit() {
        FormField hkid = field(FieldType.HKID, true, FieldConstraints.NONE);
        assertThat(error(hkid, "A123456(3)")).isEmpty();
        assertThat(error(hkid, "a1234563")).isEmpty();
        assertThat(FormFieldCheck.normalised(hkid, " a1234563 ")).isEqualTo("A123456(3)");
        assertThat(error(hkid, "A123456(4)")).contains("apply.error.hkidCheckDigit");
        assertThat(error(hkid, "AB987654(3)")).isEmpty();
        assertThat(error(hkid, "123456(3)")).contains("apply.error.hkid");
        assertThat(error(hkid, "Ａ123456(3)")).as("full-width letter").contains("apply.error.hkid");
    }

    @Test
    void selectAndRadioTakeOnlyTheirOptions() {
        FormField gender = new FormField("gender", FieldType.RADIO, true, null, LABEL, FieldConstraints.NONE,
                List.of(new FieldOption("M", LABEL), new FieldOption("F", LABEL)));
        assertThat(error(gender, "F")).isEmpty();
        assertThat(error(gender, "Q")).contains("apply.error.option");
        assertThat(error(gender, "f")).contains("apply.error.option");
    }

    @Test
    void emailAndHongKongPhoneNumbersHaveTheirFormats() {
        FormField email = field(FieldType.EMAIL, true, FieldConstraints.NONE);
        FormField tel = field(FieldType.TEL, true, FieldConstraints.NONE);
        assertThat(error(email, "chan.taiman@example.hk")).isEmpty();
        assertThat(error(email, "chan.taiman@")).contains("apply.error.email");
        assertThat(error(email, "chan taiman@example.hk")).contains("apply.error.email");
        assertThat(error(tel, "91234567")).isEmpty();
        assertThat(error(tel, "+852 9123 4567")).isEmpty();
        assertThat(error(tel, "1234567")).contains("apply.error.tel");
        assertThat(error(tel, "12345678")).contains("apply.error.tel");
        assertThat(error(tel, "9123-4567x")).contains("apply.error.tel");
    }

    private static FormField field(FieldType type, boolean required, FieldConstraints constraints) {
        return new FormField("field", type, required, null, LABEL, constraints, List.of());
    }

    private static Optional<String> error(FormField field, String value) {
        return FormFieldCheck.check(field, value, TODAY).map(FieldError::messageKey);
    }
}
