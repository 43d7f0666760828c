package hk.smartid.portal.catalogue;

import java.util.List;

/**
 * A CSV text as RFC 4180 writes it: every field in double quotes when it holds a comma, a double quote, a line
 * break or leading or trailing blanks (quotes inside doubled), records ended by CRLF. Line breaks inside a
 * field are kept: a conforming reader gets the text back exactly. A cell a spreadsheet would read as a formula
 * starts with a single quote (see {@link #field(String)}).
 */
final class CsvTable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder text = new StringBuilder();

    CsvTable row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /**
     * One cell. A value beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be
     * a formula to a spreadsheet program (CSV injection): as OWASP advises, it gets a leading single quote, which
     * makes spreadsheets show the text instead. No CSV library on the portal's class path does this.
     */
    static String field(String value) {
        String field = value == null ? "" : value;
        if (!field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        boolean quote = field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                || !field.equals(field.strip());
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
