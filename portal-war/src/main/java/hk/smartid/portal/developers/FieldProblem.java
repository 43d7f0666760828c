package hk.smartid.portal.developers;

import java.util.List;

/** What is wrong with one form field: a message key of the bundles and its arguments. */
public record FieldProblem(String messageKey, List<Object> arguments) {

    static FieldProblem of(String messageKey, Object... arguments) {
        return new FieldProblem(messageKey, List.of(arguments));
    }
}
