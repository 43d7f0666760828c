package hk.smartid.catalogue;

import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.platform.Platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The catalogue file the platform's portal imported (config/catalogue/services.json), read as plain JSON, for tests
 * and benchmarks that check what the portal shows against what the departments wrote.
 */
public final class CatalogueEntries {

    private final Map<String, Object> file;

    private CatalogueEntries(Map<String, Object> file) {
        this.file = file;
    }

    public static CatalogueEntries of(Platform platform) throws Exception {
        return new CatalogueEntries(JSONObjectUtils.parse(Files.readString(
                platform.settings().artifacts().resolve("config/catalogue/services.json"), StandardCharsets.UTF_8)));
    }

    public List<Map<String, Object>> services() {
        return objects(file.get("services"));
    }

    public List<Map<String, Object>> categories() {
        return objects(file.get("categories"));
    }

    /** A JSON array of objects, e.g. a form's fields. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Object array) {
        return (List<Map<String, Object>>) array;
    }

    /** One language of an entry's trilingual text, e.g. {@code text(service, "name", "zh-HK")}. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> entry, String key, String language) {
        return ((Map<String, String>) entry.get(key)).get(language);
    }

    /** As Facelets writes text in an element: ampersands and angle brackets escaped. */
    public static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
