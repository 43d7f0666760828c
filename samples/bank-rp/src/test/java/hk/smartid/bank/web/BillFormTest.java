package hk.smartid.bank.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BillFormTest {

    @Test
    void anAmountIsDollarsWithAtMostTwoDecimals() {
        assertThat(BillForm.amount("10")).isEqualByComparingTo("10");
        assertThat(BillForm.amount("1,055.50")).isEqualByComparingTo(new BigDecimal("1055.50"));
        assertThat(BillForm.amount("ten")).isNull();
        assertThat(BillForm.amount("0")).isNull();
        assertThat(BillForm.amount("-1")).isNull();
        assertThat(BillForm.amount("1.001")).isNull();
        assertThat(BillForm.amount("")).isNull();
    }

    @Test
    void anInvalidFieldNamesTheErrorAndWhatWasTypedIsEscaped() {
        String page = BillForm.render(Language.EN, "token", "<SID>", "ten", "bill.invalid");

        assertThat(page).contains("role=\"alert\"", "value=\"&lt;SID&gt;\"")
                .contains("id=\"bill-amount\" name=\"amount\" value=\"ten\" inputmode=\"decimal\" autocomplete=\"off\" required"
                        + " aria-invalid=\"true\" aria-describedby=\"bill-error\"")
                .doesNotContain("id=\"bill-reference\" name=\"reference\" value=\"&lt;SID&gt;\" inputmode=\"text\" autocomplete=\"off\""
                        + " required aria-invalid");
    }
}
