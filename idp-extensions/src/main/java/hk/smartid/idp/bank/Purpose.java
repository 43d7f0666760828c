package hk.smartid.idp.bank;

import java.util.List;
import java.util.Map;

/**
 * Why a bank asks: a purpose it registered, with the statement residents read (per language tag
 * {@code en}, {@code zh-HK}, {@code zh-CN}) and the only data items a request for it may carry.
 */
public record Purpose(String id, Map<String, String> statement, List<DataItem> items) {

    public Purpose {
        statement = Map.copyOf(statement);
        items = List.copyOf(items);
    }

    /** The statement in the reader's language tag, falling back to English. */
    public String statementIn(String languageTag) {
        return statement.getOrDefault(languageTag, statement.get("en"));
    }

    public boolean allows(DataItem item) {
        return items.contains(item);
    }
}
