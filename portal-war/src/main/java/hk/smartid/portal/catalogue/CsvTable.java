package hk.smartid.portal.catalogue;

import java.util.List;

/**
 * A CSV text as RFC 4180 writes it: every field in double quotes when it holds a comma, a double quote, a line
 * break or leading or trailing blanks (quotes inside doubled), records ended by CRLF. Line breaks inside a
 * field are kept: a conforming reader gets the text back exactly.
 */
final class CsvTable {

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

    static String field(String value) {
        String field = value == null ? "" : value;
        boolean quote = field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                || !field.equals(field.strip());
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
