package hk.smartid.bank.web;

import java.math.BigDecimal;
import java.util.ResourceBundle;

/**
 * Paying a GovHK e-service fee: the reference and amount a banking app would read from the receipt's FPS QR code,
 * typed in here (the sample has no camera), and what came of the payment.
 */
final class BillForm {

    private BillForm() {
    }

    static String render(Language language, String formToken, String reference, String amount, String errorKey) {
        ResourceBundle text = language.messages();
        StringBuilder body = new StringBuilder(Html.paragraph(text, "bill.intro"));
        if (errorKey != null) {
            body.append("<div class=\"notice\" id=\"bill-error\" role=\"alert\">").append(Html.paragraph(text, errorKey))
                    .append("</div>");
        }
        body.append("<form method=\"post\" action=\"/pay-bill\">")
                .append("<input type=\"hidden\" name=\"formToken\" value=\"").append(Html.escape(formToken)).append("\">")
                .append(field(text, "bill-reference", "reference", "bill.reference", reference, "text",
                        errorKey != null && reference.isBlank()))
                .append(field(text, "bill-amount", "amount", "bill.amount", amount, "decimal",
                        errorKey != null && amount(amount) == null))
                .append("<div class=\"actions\"><button type=\"submit\" id=\"pay-bill\">")
                .append(Html.escape(text.getString("bill.pay"))).append("</button></div></form>");
        return Html.page(language, "/pay-bill", "bill.title", body.toString());
    }

    /** The page after paying: {@code key}.title as heading, {@code key}.text as the notice. */
    static String outcome(Language language, String key) {
        ResourceBundle text = language.messages();
        String id = key.replace('.', '-');
        String body = "<div class=\"notice\" id=\"" + id + "\" role=\"status\">" + Html.paragraph(text, key + ".text") + "</div>"
                + "<p><a class=\"button\" href=\"/pay-bill\">" + Html.escape(text.getString("bill.again")) + "</a></p>";
        return Html.page(language, "/pay-bill", key + ".title", body);
    }

    /** The amount typed, in dollars with at most 2 decimals, more than 0; null otherwise. */
    static BigDecimal amount(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(typed.replace(",", ""));
            return amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2 && amount.precision() <= 12 ? amount : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A labelled input; an invalid one names the error notice, so a screen reader reads it with the field. */
    private static String field(ResourceBundle text, String id, String name, String labelKey, String value, String inputMode,
                                boolean invalid) {
        return "<div class=\"field\"><label for=\"" + id + "\">" + Html.escape(text.getString(labelKey)) + "</label>"
                + "<input id=\"" + id + "\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\" inputmode=\""
                + inputMode + "\" autocomplete=\"off\" required"
                + (invalid ? " aria-invalid=\"true\" aria-describedby=\"bill-error\"" : "") + "></div>";
    }
}
