package hk.smartid.chatbot.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonParser;
import hk.smartid.chatbot.language.Language;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The e-service catalogue as the chatbot reads it (format in docs/catalogue-format.md). The portal checks the
 * file before accepting it; this reader only takes what answers need and refuses a file it cannot read.
 */
public final class Catalogue {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Service> services;
    private final Map<String, Service> byId = new HashMap<>();

    public Catalogue(List<Service> services) {
        this.services = List.copyOf(services);
        this.services.forEach(service -> byId.put(service.id(), service));
    }

    public static Catalogue read(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("The catalogue is not readable JSON: " + e.getMessage(), e);
        }
    }

    public static Catalogue read(InputStream json) throws IOException {
        return read(JSON.readTree(json));
    }

    private static Catalogue read(JsonNode root) {
        Map<String, Text> categories = names(root.path("categories"));
        Map<String, Text> departments = names(root.path("departments"));
        List<Service> services = new ArrayList<>();
        for (JsonNode node : root.path("services")) {
            String id = required(node, "id").asText();
            List<Faq> faq = new ArrayList<>();
            for (JsonNode entry : node.path("faq")) {
                faq.add(new Faq(text(entry, "q", id), text(entry, "a", id)));
            }
            Map<Language, List<String>> keywords = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                List<String> words = new ArrayList<>();
                node.path("keywords").path(language.tag()).forEach(word -> words.add(word.asText()));
                keywords.put(language, words);
            }
            JsonNode fee = required(node, "fee");
            services.add(new Service(id, text(node, "name", id), text(node, "summary", id),
                    text(node, "eligibility", id), text(node, "howToApply", id),
                    required(fee, "amountHkd").asInt(), text(fee, "note", id), required(node, "processingDays").asInt(),
                    node.path("online").asBoolean(),
                    known(categories, node.path("category").asText(), id), known(departments, node.path("department").asText(), id),
                    faq, keywords));
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("The catalogue has no service");
        }
        return new Catalogue(services);
    }

    private static Map<String, Text> names(JsonNode array) {
        Map<String, Text> names = new HashMap<>();
        for (JsonNode node : array) {
            names.put(node.path("id").asText(), text(node, "name", node.path("id").asText()));
        }
        return names;
    }

    private static Text known(Map<String, Text> names, String id, String service) {
        Text name = names.get(id);
        if (name == null) {
            throw new IllegalArgumentException("Service " + service + " names an unknown category or department " + id);
        }
        return name;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("The catalogue lacks \"" + field + "\" in " + node.path("id").asText("an entry"));
        }
        return value;
    }

    private static Text text(JsonNode node, String field, String service) {
        JsonNode text = required(node, field);
        String[] values = new String[3];
        for (Language language : Language.values()) {
            JsonNode value = text.get(language.tag());
            if (value == null || !value.isTextual()) {
                throw new IllegalArgumentException("Service " + service + ": \"" + field + "\" lacks " + language.tag());
            }
            values[language.ordinal()] = value.asText();
        }
        return new Text(values[0], values[1], values[2]);
    }

    public List<Service> services() {
        return services;
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
