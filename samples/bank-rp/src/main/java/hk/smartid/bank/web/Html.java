package hk.smartid.bank.web;

import java.util.ResourceBundle;

/** Server-rendered pages: every value from outside is escaped, every text comes from the bundles. */
final class Html {

    private Html() {
    }

    /** Escapes text for an HTML element body or a double-quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A whole page: the language switch links back to {@code path} in each language.
     *
     * @param titleKey the message key of the page title, also its heading
     * @param body     already escaped HTML
     */
    static String page(Language language, String path, String titleKey, String body) {
        ResourceBundle text = language.messages();
        StringBuilder switcher = new StringBuilder();
        for (Language other : Language.values()) {
            switcher.append("<li><a href=\"").append(escape(path + "?lang=" + other.tag())).append("\" lang=\"")
                    .append(other.tag()).append("\" hreflang=\"").append(other.tag()).append('"')
                    .append(other == language ? " aria-current=\"true\"" : "").append('>')
                    .append(escape(other.autonym())).append("</a></li>");
        }
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s | %s</title>
                <link rel="stylesheet" href="/bank.css">
                </head>
                <body>
                <a class="skip" href="#main">%s</a>
                <header>
                <a class="bank" href="/">%s</a>
                <nav aria-label="%s"><ul>%s</ul></nav>
                </header>
                <main id="main">
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(language.tag(), escape(text.getString(titleKey)), escape(text.getString("bank.name")),
                escape(text.getString("skip.link")), escape(text.getString("bank.name")),
                escape(text.getString("language.label")), switcher, escape(text.getString(titleKey)), body);
    }

    static String paragraph(ResourceBundle text, String key) {
        return "<p>" + escape(text.getString(key)) + "</p>";
    }
}
