package hk.smartid.portal.developers;

import jakarta.faces.context.FacesContext;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/** The errors of one form, by field id, in the reader's language: shown next to each field (role=alert). */
public final class FormErrors implements Serializable {

    private static final long serialVersionUID = 1L;
    private final Map<String, String> texts = new LinkedHashMap<>();

    void clear() {
        texts.clear();
    }

    void put(String field, FieldProblem problem) {
        put(field, problem.messageKey(), problem.arguments().toArray());
    }

    void put(String field, String messageKey, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        texts.put(field, new MessageFormat(bundle.getString(messageKey), faces.getViewRoot().getLocale()).format(arguments));
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /** For the page: whether this field has an error, and its text. */
    public boolean has(String field) {
        return texts.containsKey(field);
    }

    public String text(String field) {
        return texts.get(field);
    }
}
