package hk.smartid.portal.developers;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a business asks for when it creates an integration, as typed in the developer area, checked by the portal
 * before the onboarding API sees it (the API checks again, and its refusals are shown at the same fields). URIs are
 * one per line.
 *
 * @param jwksKind {@code url} or {@code inline}
 */
public record IntegrationRequest(String nameEn, String nameZhHk, String nameZhCn, IntegrationProfile profile,
                                 String purposeId, String purposeEn, String purposeZhHk, String purposeZhCn,
                                 List<String> items, String redirectUris, String postLogoutRedirectUris,
                                 String backchannelLogoutUri, String jwksKind, String jwksUri, String jwksJson) {

    /** The data items (scopes) of the person-data API (docs/banking-made-easy.md). */
    public static final List<String> DATA_ITEMS = List.of("person.name_en", "person.name_zh", "person.hkid",
            "person.birthdate", "person.gender", "person.address", "person.mobile", "person.email");
    static final int TEXT_MAX = 500;
    static final int URIS_MAX = 10;
    private static final Pattern PURPOSE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** Field id (as on the form) to what is wrong; empty when the request can go to the onboarding API. */
    public Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        text("nameEn", nameEn, problems);
        text("nameZhHk", nameZhHk, problems);
        text("nameZhCn", nameZhCn, problems);
        if (profile == null) {
            problems.put("profile", FieldProblem.of("developers.error.required"));
        } else if (profile == IntegrationProfile.DATA_SHARING) {
            if (purposeId == null || !PURPOSE_ID.matcher(purposeId.trim()).matches()) {
                problems.put("purposeId", FieldProblem.of("developers.error.purposeId"));
            }
            text("purposeEn", purposeEn, problems);
            text("purposeZhHk", purposeZhHk, problems);
            text("purposeZhCn", purposeZhCn, problems);
            if (items == null || items.isEmpty()) {
                problems.put("items", FieldProblem.of("developers.error.items"));
            } else if (!DATA_ITEMS.containsAll(items)) {
                problems.put("items", FieldProblem.of("developers.error.items"));
            }
        }
        uris("redirectUris", redirectUris, true, problems);
        uris("postLogoutRedirectUris", postLogoutRedirectUris, false, problems);
        if (present(backchannelLogoutUri) && !isWebUri(backchannelLogoutUri.trim(), true)) {
            problems.put("backchannelLogoutUri", FieldProblem.of("developers.error.uri", 1));
        }
        if ("url".equals(jwksKind)) {
            if (!present(jwksUri)) {
                problems.put("jwksUri", FieldProblem.of("developers.error.required"));
            } else if (!isWebUri(jwksUri.trim(), false)) {
                problems.put("jwksUri", FieldProblem.of("developers.error.uri", 1));
            }
        } else if ("inline".equals(jwksKind)) {
            if (inlineJwks() == null) {
                problems.put("jwksJson", FieldProblem.of("developers.error.jwksJson"));
            }
        } else {
            problems.put("jwksKind", FieldProblem.of("developers.error.required"));
        }
        return problems;
    }

    /** The onboarding request (without clientId), as JSON; only for a request without problems. */
    public String registrationJson() {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("name", Map.of("en", nameEn.trim(), "zh-HK", nameZhHk.trim(), "zh-CN", nameZhCn.trim()));
        registration.put("redirectUris", lines(redirectUris));
        if (present(postLogoutRedirectUris)) {
            registration.put("postLogoutRedirectUris", lines(postLogoutRedirectUris));
        }
        if (present(backchannelLogoutUri)) {
            registration.put("backchannelLogoutUri", backchannelLogoutUri.trim());
        }
        if ("url".equals(jwksKind)) {
            registration.put("jwksUri", jwksUri.trim());
        } else {
            registration.put("jwks", inlineJwks());
        }
        if (profile == IntegrationProfile.LOGIN_ONLY) {
            registration.put("profile", profile.value());
        } else {
            registration.put("purposes", List.of(Map.of("id", purposeId.trim(),
                    "statement", Map.of("en", purposeEn.trim(), "zh-HK", purposeZhHk.trim(), "zh-CN", purposeZhCn.trim()),
                    "items", List.copyOf(items))));
        }
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(registration);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the registration", e);
        }
    }

    /** A stored registration with the client id it is registered under, ready for the onboarding API. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> registrationFor(String registrationJson, String clientId) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("clientId", clientId);
            registration.putAll(jsonb.fromJson(registrationJson, LinkedHashMap.class));
            return registration;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the stored registration", e);
        }
    }

    /** The inline JWK set: a JSON object with a non-empty {@code keys} array; null when it is not one. */
    private JsonObject inlineJwks() {
        if (!present(jwksJson)) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(jwksJson))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonValue keys = value.asJsonObject().get("keys");
            return keys instanceof JsonArray array && !array.isEmpty() ? value.asJsonObject() : null;
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    private static void text(String field, String value, Map<String, FieldProblem> problems) {
        if (!present(value)) {
            problems.put(field, FieldProblem.of("developers.error.required"));
        } else if (value.trim().length() > TEXT_MAX) {
            problems.put(field, FieldProblem.of("developers.error.tooLong", TEXT_MAX));
        }
    }

    private static void uris(String field, String value, boolean required, Map<String, FieldProblem> problems) {
        List<String> lines = lines(value);
        if (lines.isEmpty()) {
            if (required) {
                problems.put(field, FieldProblem.of("developers.error.required"));
            }
            return;
        }
        if (lines.size() > URIS_MAX) {
            problems.put(field, FieldProblem.of("developers.error.tooManyUris", URIS_MAX));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!isWebUri(lines.get(i), true)) {
                problems.put(field, FieldProblem.of("developers.error.uri", i + 1));
                return;
            }
        }
    }

    static List<String> lines(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        Arrays.stream(value.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).forEach(lines::add);
        return lines;
    }

    /** An absolute https URI, http only for localhost (as the onboarding API holds them); exact: no wildcard, no fragment. */
    static boolean isWebUri(String value, boolean exact) {
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            boolean web = host != null && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && ("localhost".equals(host) || "127.0.0.1".equals(host)));
            return web && (!exact || !value.contains("*") && uri.getRawFragment() == null);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
