package hk.smartid.portal.officer;

import hk.smartid.portal.catalogue.Department;
import hk.smartid.portal.catalogue.ProjectCatalogue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's department is an account attribute whose values the IdP accepts only from the catalogue's
 * departments (the portal matches applications by that id), which only an administrator may set, and which the
 * portal's ID token carries.
 */
class OfficerDepartmentAttributeTest {

    private static final Path REALM = Path.of("../config/src/main/resources/realm/smartid-realm.json");

    @Test
    void theRealmAcceptsExactlyTheCataloguesDepartmentsSetByAnAdministratorOnly() throws IOException {
        JsonObject department = userProfile().getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
                .filter(attribute -> attribute.getString("name").equals("department")).findFirst().orElseThrow();

        List<String> options = department.getJsonObject("validations").getJsonObject("options")
                .getJsonArray("options").getValuesAs(JsonString::getString);
        assertThat(options).containsExactlyInAnyOrderElementsOf(
                ProjectCatalogue.parsed().departments().stream().map(Department::id).toList());
        assertThat(department.getJsonObject("permissions").getJsonArray("edit").getValuesAs(JsonString::getString))
                .containsExactly("admin");
        assertThat(department.getJsonObject("permissions").getJsonArray("view").getValuesAs(JsonString::getString))
                .containsExactly("admin");
    }

    @Test
    void thePortalsIdTokenCarriesTheDepartment() throws IOException {
        JsonObject portal = realm().getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(client -> client.getString("clientId").equals("portal")).findFirst().orElseThrow();
        JsonObject mapper = portal.getJsonArray("protocolMappers").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonObject("config").getString("user.attribute", "").equals("department"))
                .findFirst().orElseThrow();
        assertThat(mapper.getJsonObject("config").getString("claim.name")).isEqualTo("department");
        assertThat(mapper.getJsonObject("config").getString("id.token.claim")).isEqualTo("true");
    }

    private static JsonObject userProfile() throws IOException {
        JsonValue config = realm().getJsonObject("components").getJsonArray("org.keycloak.userprofile.UserProfileProvider")
                .getJsonObject(0).getJsonObject("config").getJsonArray("kc.user.profile.config").get(0);
        return parse(((JsonString) config).getString());
    }

    private static JsonObject realm() throws IOException {
        return parse(Files.readString(REALM));
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
