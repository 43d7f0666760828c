package hk.smartid.bank.web;

import hk.smartid.bank.smartid.ReleasedPerson;

import java.util.ResourceBundle;

/**
 * The account-opening form, pre-filled with what SmartID released. A verified value is read-only (the counter
 * checked it against the identity card; letting it be edited would undo that); an unverified one, such as a
 * contact detail, is filled in but left for the person to check.
 */
final class AccountForm {

    private AccountForm() {
    }

    static String render(Language language, ReleasedPerson person, String formToken) {
        ResourceBundle text = language.messages();
        StringBuilder body = new StringBuilder(Html.paragraph(text, "account.intro"));
        body.append("<form method=\"post\" action=\"/account/apply\">");
        body.append(hidden(formToken));
        for (String field : BankPages.FIELDS) {
            body.append(field(text, field, person.value(field).orElse(null)));
        }
        body.append("<p>").append(Html.escape(text.getString("account.disclosure"))).append(": <strong id=\"disclosure-id\">")
                .append(Html.escape(person.disclosureId())).append("</strong></p>");
        body.append("<div class=\"actions\"><button type=\"submit\">")
                .append(Html.escape(text.getString("account.submit"))).append("</button></div></form>");
        body.append("<form method=\"post\" action=\"/account\">").append(hidden(formToken))
                .append("<button type=\"submit\" id=\"fetch-again\" class=\"secondary\">")
                .append(Html.escape(text.getString("account.fetchAgain"))).append("</button></form>");
        return Html.page(language, "/account", "account.title", body.toString());
    }

    private static String field(ResourceBundle text, String claim, ReleasedPerson.Value value) {
        String id = "field-" + claim.replace('.', '-');
        String noteKey = value == null ? "account.missing" : value.verified() ? "account.verified" : "account.unverified";
        String note = (value != null && value.verified() ? "<span class=\"note verified\" id=\"" : "<span class=\"note\" id=\"")
                + id + "-note\">" + (value != null && value.verified() ? "&#10003; " : "")
                + Html.escape(text.getString(noteKey)) + "</span>";
        return "<div class=\"field\"><label for=\"" + id + "\">" + Html.escape(text.getString("field." + claim))
                + "</label>" + note + "<input id=\"" + id + "\" name=\"" + Html.escape(claim) + "\" value=\""
                + Html.escape(value == null ? "" : value.text()) + "\" aria-describedby=\"" + id + "-note\""
                + (value != null && value.verified() ? " readonly" : "") + "></div>";
    }

    private static String hidden(String formToken) {
        return "<input type=\"hidden\" name=\"formToken\" value=\"" + Html.escape(formToken) + "\">";
    }
}
