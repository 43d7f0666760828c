package hk.smartid.portal.catalogue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and checks a catalogue file in the departments' format ({@code docs/catalogue-format.md}; the file is kept in
 * {@code config/catalogue/}). Anything the portal could not show or a form could not use is refused, with a
 * message naming the entry: malformed JSON, a duplicate key or id, an unknown category, department, field
 * type or prefill attribute, a text missing a language, options on a field that takes none, an unknown key.
 */
public final class CatalogueFile {

    static final List<String> LANGUAGES = List.of("en", "zh-HK", "zh-CN");
    /** Ids appear in page addresses: lower case letters, digits and hyphens only. */
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Set<String> TOP_KEYS = Set.of("version", "languages", "note", "categories", "departments",
            "services");
    private static final Set<String> SERVICE_KEYS = Set.of("id", "category", "department", "assurance", "online",
            "name", "summary", "eligibility", "howToApply", "fee", "processingDays", "form", "faq", "keywords");
    private static final Set<String> FIELD_KEYS = Set.of("name", "type", "required", "prefill", "label",
            "constraints", "options");

    /** A JSON-P reader that refuses an object with the same key twice instead of keeping one silently. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private CatalogueFile() {
    }

    public static ServiceCatalogue parse(String json) throws CatalogueRefusedException {
        JsonValue root;
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            throw new CatalogueRefusedException("The catalogue is not valid JSON at line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ": "
                    + e.getMessage());
        } catch (JsonException e) {
            throw new CatalogueRefusedException("The catalogue is not valid JSON: " + e.getMessage());
        }
        try {
            return read(object(root, "the catalogue"));
        } catch (Refusal refusal) {
            throw new CatalogueRefusedException(refusal.getMessage());
        }
    }

    private static ServiceCatalogue read(JsonObject top) {
        String where = "the catalogue";
        onlyKeys(top, TOP_KEYS, where);
        String version = string(top, "version", where);
        List<String> languages = array(top, "languages", where).stream()
                .map(value -> text(value, where + ", languages")).toList();
        if (!new HashSet<>(languages).equals(new HashSet<>(LANGUAGES))) {
            throw new Refusal(where + ": languages must be " + LANGUAGES + ", not " + languages);
        }
        TrilingualText note = trilingual(top, "note", where);
        List<Category> categories = new ArrayList<>();
        for (JsonValue value : array(top, "categories", where)) {
            JsonObject category = object(value, "a category");
            String id = string(category, "id", "a category");
            categories.add(new Category(id, trilingual(category, "name", "category \"" + id + "\"")));
        }
        unique(categories.stream().map(Category::id).toList(), "category");
        List<Department> departments = new ArrayList<>();
        for (JsonValue value : array(top, "departments", where)) {
            JsonObject department = object(value, "a department");
            String id = string(department, "id", "a department");
            departments.add(new Department(id, trilingual(department, "name", "department \"" + id + "\"")));
        }
        unique(departments.stream().map(Department::id).toList(), "department");
        Map<String, Category> categoriesById = byId(categories, Category::id);
        Map<String, Department> departmentsById = byId(departments, Department::id);

        List<EService> services = new ArrayList<>();
        Set<String> serviceIds = new HashSet<>();
        JsonArray serviceArray = array(top, "services", where);
        for (int i = 0; i < serviceArray.size(); i++) {
            EService service = service(object(serviceArray.get(i), "service number " + (i + 1)), i,
                    categoriesById, departmentsById);
            if (!serviceIds.add(service.id())) {
                throw new Refusal("service \"" + service.id() + "\": the id is used by another service too");
            }
            services.add(service);
        }
        if (services.isEmpty()) {
            throw new Refusal(where + ": it lists no service");
        }
        return new ServiceCatalogue(version, note, categories, departments, services);
    }

    private static EService service(JsonObject json, int index, Map<String, Category> categories,
                                    Map<String, Department> departments) {
        String id = string(json, "id", "service number " + (index + 1));
        String where = "service \"" + id + "\"";
        if (!SERVICE_ID.matcher(id).matches()) {
            throw new Refusal(where + ": the id may hold only lower-case letters, digits and single hyphens");
        }
        onlyKeys(json, SERVICE_KEYS, where);
        String categoryId = string(json, "category", where);
        Category category = categories.get(categoryId);
        if (category == null) {
            throw new Refusal(where + ": category \"" + categoryId + "\" is not one of the catalogue's categories");
        }
        String departmentId = string(json, "department", where);
        Department department = departments.get(departmentId);
        if (department == null) {
            throw new Refusal(where + ": department \"" + departmentId
                    + "\" is not one of the catalogue's departments");
        }
        String assuranceValue = string(json, "assurance", where);
        Assurance assurance = Arrays.stream(Assurance.values()).filter(a -> a.value().equals(assuranceValue))
                .findFirst().orElseThrow(() -> new Refusal(where + ": assurance \"" + assuranceValue
                        + "\" is neither \"basic\" nor \"verified\""));
        boolean online = bool(json, "online", where);
        JsonObject feeJson = object(required(json, "fee", where), where + ", fee");
        onlyKeys(feeJson, Set.of("amountHkd", "note"), where + ", fee");
        long amount = wholeNumber(feeJson, "amountHkd", where + ", fee");
        if (amount < 0) {
            throw new Refusal(where + ", fee: amountHkd must not be negative");
        }
        Fee fee = new Fee(amount, trilingual(feeJson, "note", where + ", fee"));
        long processingDays = wholeNumber(json, "processingDays", where);
        if (processingDays < 0 || processingDays > 3650) {
            throw new Refusal(where + ": processingDays must be between 0 and 3650 working days");
        }
        List<FormField> form = form(json, online, where);
        List<Faq> faq = new ArrayList<>();
        JsonArray faqArray = array(json, "faq", where);
        for (int i = 0; i < faqArray.size(); i++) {
            String faqWhere = where + ", FAQ " + (i + 1);
            JsonObject entry = object(faqArray.get(i), faqWhere);
            onlyKeys(entry, Set.of("q", "a"), faqWhere);
            faq.add(new Faq(trilingual(entry, "q", faqWhere), trilingual(entry, "a", faqWhere)));
        }
        JsonObject keywordsJson = object(required(json, "keywords", where), where + ", keywords");
        onlyKeys(keywordsJson, Set.copyOf(LANGUAGES), where + ", keywords");
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String keywordsWhere = where + ", keywords";
            keywords.put(language, array(keywordsJson, language, keywordsWhere).stream()
                    .map(value -> text(value, keywordsWhere + " \"" + language + "\"")).toList());
        }
        return new EService(id, category, department, assurance, online,
                trilingual(json, "name", where), trilingual(json, "summary", where),
                trilingual(json, "eligibility", where), trilingual(json, "howToApply", where),
                fee, (int) processingDays, form, faq, keywords);
    }

    private static List<FormField> form(JsonObject json, boolean online, String where) {
        JsonValue formValue = required(json, "form", where);
        if (formValue.getValueType() == JsonValue.ValueType.NULL) {
            if (online) {
                throw new Refusal(where + ": it is online but has no form");
            }
            return List.of();
        }
        if (!online) {
            throw new Refusal(where + ": it is not online, so its form must be null");
        }
        JsonObject formJson = object(formValue, where + ", form");
        onlyKeys(formJson, Set.of("fields"), where + ", form");
        JsonArray fieldArray = array(formJson, "fields", where + ", form");
        if (fieldArray.isEmpty()) {
            throw new Refusal(where + ", form: it has no field");
        }
        List<FormField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fieldArray.size(); i++) {
            JsonObject fieldJson = object(fieldArray.get(i), where + ", form field number " + (i + 1));
            String name = string(fieldJson, "name", where + ", form field number " + (i + 1));
            String fieldWhere = where + ", form field \"" + name + "\"";
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new Refusal(fieldWhere + ": the name must be lowerCamelCase letters and digits");
            }
            if (!names.add(name)) {
                throw new Refusal(fieldWhere + ": another field of the form has the same name");
            }
            fields.add(field(fieldJson, fieldWhere));
        }
        return fields;
    }

    private static FormField field(JsonObject json, String where) {
        onlyKeys(json, FIELD_KEYS, where);
        String typeValue = string(json, "type", where);
        FieldType type = FieldType.of(typeValue).orElseThrow(() -> new Refusal(where + ": type \"" + typeValue
                + "\" is not one of " + Arrays.stream(FieldType.values()).map(FieldType::value).toList()));
        boolean required = bool(json, "required", where);
        PrefillAttribute prefill = null;
        JsonValue prefillValue = json.get("prefill");
        if (prefillValue != null && prefillValue.getValueType() != JsonValue.ValueType.NULL) {
            String attribute = text(prefillValue, where + ", prefill");
            prefill = PrefillAttribute.of(attribute).orElseThrow(() -> new Refusal(where + ": prefill attribute \""
                    + attribute + "\" is not a digital-ID attribute (one of "
                    + Arrays.stream(PrefillAttribute.values()).map(PrefillAttribute::attribute).toList() + ")"));
        }
        TrilingualText label = trilingual(json, "label", where);
        List<FieldOption> options = new ArrayList<>();
        JsonValue optionsValue = json.get("options");
        boolean hasOptions = optionsValue != null && optionsValue.getValueType() != JsonValue.ValueType.NULL;
        if (hasOptions && !type.hasOptions()) {
            throw new Refusal(where + ": only select and radio fields take options, not " + type.value());
        }
        if (type.hasOptions()) {
            if (!hasOptions) {
                throw new Refusal(where + ": a " + type.value() + " field needs options");
            }
            JsonArray optionArray = array(json, "options", where);
            if (optionArray.size() < 2) {
                throw new Refusal(where + ": a " + type.value() + " field needs at least 2 options");
            }
            Set<String> values = new HashSet<>();
            for (int i = 0; i < optionArray.size(); i++) {
                JsonObject option = object(optionArray.get(i), where + ", option " + (i + 1));
                String value = string(option, "value", where + ", option " + (i + 1));
                String optionWhere = where + ", option \"" + value + "\"";
                onlyKeys(option, Set.of("value", "label"), optionWhere);
                if (!values.add(value)) {
                    throw new Refusal(optionWhere + ": another option has the same value");
                }
                options.add(new FieldOption(value, trilingual(option, "label", optionWhere)));
            }
        }
        return new FormField(json.getString("name"), type, required, prefill, label,
                constraints(json, type, where), options);
    }

    private static FieldConstraints constraints(JsonObject json, FieldType type, String where) {
        JsonValue value = json.get("constraints");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return FieldConstraints.NONE;
        }
        String constraintsWhere = where + ", constraints";
        JsonObject constraints = object(value, constraintsWhere);
        Set<String> allowed = switch (type) {
            case TEXT, TEXTAREA -> Set.of("maxLength");
            case NUMBER -> Set.of("min", "max");
            case DATE -> Set.of("notFuture", "notPast");
            default -> Set.of();
        };
        for (String key : constraints.keySet()) {
            if (!allowed.contains(key)) {
                throw new Refusal(constraintsWhere + ": \"" + key + "\" does not apply to a " + type.value()
                        + " field" + (allowed.isEmpty() ? "" : " (only " + allowed + ")"));
            }
        }
        Integer maxLength = constraints.containsKey("maxLength")
                ? (int) wholeNumber(constraints, "maxLength", constraintsWhere) : null;
        if (maxLength != null && maxLength < 1) {
            throw new Refusal(constraintsWhere + ": maxLength must be at least 1");
        }
        Long min = constraints.containsKey("min") ? wholeNumber(constraints, "min", constraintsWhere) : null;
        Long max = constraints.containsKey("max") ? wholeNumber(constraints, "max", constraintsWhere) : null;
        if (min != null && max != null && min > max) {
            throw new Refusal(constraintsWhere + ": min is greater than max");
        }
        boolean notFuture = constraints.containsKey("notFuture") && bool(constraints, "notFuture", constraintsWhere);
        boolean notPast = constraints.containsKey("notPast") && bool(constraints, "notPast", constraintsWhere);
        if (notFuture && notPast) {
            throw new Refusal(constraintsWhere + ": a date cannot be both notFuture and notPast");
        }
        return new FieldConstraints(maxLength, min, max, notFuture, notPast);
    }

    private static TrilingualText trilingual(JsonObject json, String key, String where) {
        String textWhere = where + ", " + key;
        JsonObject texts = object(required(json, key, where), textWhere);
        onlyKeys(texts, Set.copyOf(LANGUAGES), textWhere);
        Map<String, String> byLanguage = new HashMap<>();
        for (String language : LANGUAGES) {
            JsonValue value = texts.get(language);
            if (value == null) {
                throw new Refusal(textWhere + ": the \"" + language + "\" text is missing");
            }
            byLanguage.put(language, text(value, textWhere + " \"" + language + "\""));
        }
        return new TrilingualText(byLanguage.get("en"), byLanguage.get("zh-HK"), byLanguage.get("zh-CN"));
    }

    private static void onlyKeys(JsonObject json, Set<String> allowed, String where) {
        for (String key : json.keySet()) {
            if (!allowed.contains(key)) {
                throw new Refusal(where + ": unknown key \"" + key + "\"");
            }
        }
    }

    private static JsonValue required(JsonObject json, String key, String where) {
        JsonValue value = json.get(key);
        if (value == null) {
            throw new Refusal(where + ": \"" + key + "\" is missing");
        }
        return value;
    }

    private static JsonObject object(JsonValue value, String where) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refusal(where + ": expected a JSON object, found " + kind(value));
        }
        return value.asJsonObject();
    }

    private static JsonArray array(JsonObject json, String key, String where) {
        JsonValue value = required(json, key, where);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Refusal(where + ": \"" + key + "\" must be a JSON array, found " + kind(value));
        }
        return value.asJsonArray();
    }

    private static String string(JsonObject json, String key, String where) {
        return text(required(json, key, where), where + ", " + key);
    }

    /** A non-blank string. */
    private static String text(JsonValue value, String where) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new Refusal(where + ": expected a string, found " + kind(value));
        }
        String text = ((JsonString) value).getString();
        if (text.isBlank()) {
            throw new Refusal(where + ": the text is empty");
        }
        return text.strip();
    }

    private static boolean bool(JsonObject json, String key, String where) {
        JsonValue value = required(json, key, where);
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new Refusal(where + ": \"" + key + "\" must be true or false, found " + kind(value));
    }

    private static long wholeNumber(JsonObject json, String key, String where) {
        JsonValue value = required(json, key, where);
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new Refusal(where + ": \"" + key + "\" must be a whole number, found " + kind(value) + " " + value);
        }
        try {
            return ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new Refusal(where + ": \"" + key + "\" is too large");
        }
    }

    private static String kind(JsonValue value) {
        return value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void unique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new Refusal(what + " \"" + id + "\": the id is used twice");
            }
        }
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** Unwinds the reading at the first defect; turned into {@link CatalogueRefusedException} by {@link #parse}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }
}
