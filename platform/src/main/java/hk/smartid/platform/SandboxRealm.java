package hk.smartid.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox realm {@value Realm#SANDBOX_NAME}, derived at every start from the production realm's import
 * ({@code config/realm/smartid-realm.json}) so that its flows, policies, user profile and roles cannot drift from
 * production's. Changed: the name (and what carries it), only the clients a sandbox needs (the portal's onboarding
 * service account with a secret of its own). Added: the persona picker in both browser flows, the listener that
 * plays the "consent revoked" persona, and the test personas.
 */
final class SandboxRealm {

    /** The production clients the sandbox keeps; the portal's login and the bank onboarding account stay out. */
    static final Set<String> CLIENTS = Set.of("account", "admin-cli", Realm.PORTAL_ONBOARDING_CLIENT_ID);
    static final String PERSONAS_GROUP = "test-personas";
    static final String PERSONA_AUTHENTICATOR = "smartid-sandbox-persona";
    static final String CONSENT_REVOKED_LISTENER = "smartid-sandbox-consent-revoked";
    /** The flows a resident logs in through: the portal's and the businesses' (banks') one. */
    private static final Set<String> LOGIN_FLOWS = Set.of("smartid passkey browser", "smartid bank identify");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxRealm() {
    }

    /** Writes the sandbox realm's import beside the production one's (only when it changed). */
    static void writeImport(Path productionImport, Path sandboxImport) throws IOException {
        byte[] derived = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(derive(JSON.readTree(productionImport.toFile())));
        if (!Files.exists(sandboxImport) || !java.util.Arrays.equals(Files.readAllBytes(sandboxImport), derived)) {
            Files.write(sandboxImport, derived);
        }
    }

    static ObjectNode derive(JsonNode production) {
        ObjectNode realm = production.deepCopy();
        String defaultRole = "default-roles-" + Realm.NAME;
        realm.put("realm", Realm.SANDBOX_NAME);
        realm.put("displayName", realm.path("displayName").asText() + " sandbox");
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (defaultRole.equals(role.path("name").asText())) {
                ((ObjectNode) role).put("name", "default-roles-" + Realm.SANDBOX_NAME);
            }
        }
        ((ObjectNode) realm.path("defaultRole")).put("name", "default-roles-" + Realm.SANDBOX_NAME);

        realm.set("clients", keep(realm.withArray("clients"), client -> CLIENTS.contains(client.path("clientId").asText())));
        for (JsonNode client : realm.withArray("clients")) {
            ObjectNode c = (ObjectNode) client;
            if (Realm.PORTAL_ONBOARDING_CLIENT_ID.equals(c.path("clientId").asText())) {
                c.put("secret", "${SMARTID_SANDBOX_ONBOARDING_CLIENT_SECRET}");
                c.put("description", "The portal's developer area registers businesses' sandbox integrations with it");
            }
            for (String field : new String[] {"baseUrl"}) {
                if (c.has(field)) {
                    c.put(field, c.get(field).asText().replace("/realms/" + Realm.NAME + "/", "/realms/" + Realm.SANDBOX_NAME + "/"));
                }
            }
            if (c.has("redirectUris")) {
                ArrayNode uris = JSON.createArrayNode();
                c.get("redirectUris").forEach(uri -> uris.add(uri.asText()
                        .replace("/realms/" + Realm.NAME + "/", "/realms/" + Realm.SANDBOX_NAME + "/")));
                c.set("redirectUris", uris);
            }
        }
        realm.set("scopeMappings", keep(realm.withArray("scopeMappings"), m -> CLIENTS.contains(m.path("client").asText())));
        ArrayNode users = keep(realm.withArray("users"), u -> !u.has("serviceAccountClientId")
                || CLIENTS.contains(u.path("serviceAccountClientId").asText()));
        personas().forEach(users::add);
        realm.set("users", users);

        for (JsonNode flow : realm.withArray("authenticationFlows")) {
            if (LOGIN_FLOWS.contains(flow.path("alias").asText())) {
                ObjectNode picker = ((ArrayNode) flow.path("authenticationExecutions")).addObject();
                picker.put("authenticator", PERSONA_AUTHENTICATOR);
                picker.put("authenticatorFlow", false);
                picker.put("requirement", "ALTERNATIVE");
                // After an existing session (10), before the activation code and the passkey.
                picker.put("priority", 12);
                picker.put("userSetupAllowed", false);
            }
        }
        realm.withArray("eventsListeners").add(CONSENT_REVOKED_LISTENER);
        realm.withArray("groups").addObject().put("name", PERSONAS_GROUP);
        return realm;
    }

    private static ArrayNode keep(ArrayNode items, java.util.function.Predicate<JsonNode> kept) {
        ArrayNode result = JSON.createArrayNode();
        items.forEach(item -> {
            if (kept.test(item)) {
                result.add(item);
            }
        });
        return result;
    }

    /**
     * The test personas: made-up people with the attributes a counter writes (realm user profile, person data API).
     * Usernames are {@code persona-<key>}, the key naming the persona on the picker.
     */
    static ArrayNode personas() {
        ArrayNode personas = JSON.createArrayNode();
        personas.add(persona("basic", "Basic Persona", Map.of(
                "assurance_level", "loa-basic", "mobile_number", "+85291000001")));
        personas.add(persona("verified", "Chan Tai Man", verified("Z683365(A)", "CHAN", "TAI MAN", "陳大文", "1985-06-15", "M",
                "Flat A, 12/F, Sandbox Mansion, 1 Test Road, Central", "+85291000002", "persona.verified@sandbox.smartid.example")));
        personas.add(persona("minor", "Wong Siu Ming", verified("Z683366(8)", "WONG", "SIU MING", "黃小明", "2013-09-01", "F",
                "Flat B, 3/F, Sandbox Court, 2 Test Street, Sha Tin", "+85291000003", null)));
        personas.add(persona("consent-revoked", "Lee Ka Yan", verified("Z683367(6)", "LEE", "KA YAN", "李嘉欣", "1990-01-20", "F",
                "Flat C, 8/F, Sandbox House, 3 Test Lane, Mong Kok", "+85291000004", "persona.revoked@sandbox.smartid.example")));
        personas.add(persona("no-mobile", "Cheung Wai Kit", verified("Z683368(4)", "CHEUNG", "WAI KIT", "張偉傑", "1975-11-30", "X",
                "Flat D, 20/F, Sandbox Tower, 4 Test Avenue, Tsuen Wan", null, "persona.nomobile@sandbox.smartid.example")));
        return personas;
    }

    private static Map<String, String> verified(String hkid, String surname, String givenNames, String chineseName,
                                                String birthdate, String gender, String address, String mobile, String email) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put("assurance_level", "loa-verified");
        attributes.put("hkid_number", hkid);
        attributes.put("surname_en", surname);
        attributes.put("given_names_en", givenNames);
        attributes.put("name_zh", chineseName);
        attributes.put("birthdate", birthdate);
        attributes.put("gender", gender);
        attributes.put("residential_address", address);
        attributes.put("verified_by", "sandbox");
        attributes.put("verified_branch", "Sandbox");
        attributes.put("verified_at", "2026-01-01T00:00:00Z");
        if (mobile != null) {
            attributes.put("mobile_number", mobile);
        }
        if (email != null) {
            attributes.put("email", email);
        }
        return attributes;
    }

    private static ObjectNode persona(String key, String displayName, Map<String, String> attributes) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", "persona-" + key);
        user.put("enabled", true);
        user.put("firstName", displayName);
        ObjectNode userAttributes = user.putObject("attributes");
        attributes.forEach((name, value) -> {
            if (name.equals("email")) {
                user.put("email", value);
                user.put("emailVerified", false);
            } else {
                userAttributes.putArray(name).add(value);
            }
        });
        user.putArray("realmRoles").add("default-roles-" + Realm.SANDBOX_NAME);
        user.putArray("groups").add("/" + PERSONAS_GROUP);
        return user;
    }
}
