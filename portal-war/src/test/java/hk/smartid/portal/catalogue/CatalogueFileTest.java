package hk.smartid.portal.catalogue;

import jakarta.json.Json;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueFileTest {

    @Test
    void theProjectCatalogueIsAccepted() {
        ServiceCatalogue catalogue = ProjectCatalogue.parsed();

        assertThat(catalogue.services()).hasSize(53);
        assertThat(catalogue.categories()).hasSize(12);
        assertThat(catalogue.departments()).hasSize(21);
        EService renewal = catalogue.service("driving-licence-renewal").orElseThrow();
        assertThat(renewal.department().id()).isEqualTo("TD");
        assertThat(renewal.category().name().in("zh-HK")).isNotBlank();
        assertThat(renewal.keywordsIn("zh-HK")).contains("續車牌");
        assertThat(renewal.form()).isNotEmpty();
        assertThat(catalogue.service("disability-allowance").orElseThrow().form()).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        String broken = ProjectCatalogue.json().replaceFirst("\"hkid-replacement\",", "\"hkid-replacement\"");

        assertThatThrownBy(() -> CatalogueFile.parse(broken))
                .isInstanceOf(CatalogueRefusedException.class)
                .hasMessageContaining("not valid JSON at line");
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() {
        String twice = ProjectCatalogue.json().replaceFirst("\"id\": \"hkid-replacement\",",
                "\"id\": \"hkid-replacement\", \"id\": \"other\",");

        assertThatThrownBy(() -> CatalogueFile.parse(twice)).isInstanceOf(CatalogueRefusedException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aDuplicateServiceIdIsRefusedNamingIt() {
        assertRefused(patch -> patch.replace("/services/1/id", "hkid-replacement"),
                "service \"hkid-replacement\": the id is used by another service too");
    }

    @Test
    void anUnknownCategoryIsRefused() {
        assertRefused(patch -> patch.replace("/services/5/category", "motoring"),
                "service \"driving-licence-renewal\": category \"motoring\" is not one of the catalogue's categories");
    }

    @Test
    void anUnknownDepartmentIsRefused() {
        assertRefused(patch -> patch.replace("/services/5/department", "XYZ"),
                "service \"driving-licence-renewal\": department \"XYZ\" is not one of the catalogue's departments");
    }

    @Test
    void aFieldOfAnUnknownTypeIsRefused() {
        assertRefused(patch -> patch.replace("/services/0/form/fields/0/type", "colour"),
                "service \"hkid-replacement\", form field \"hkidNumber\": type \"colour\" is not one of");
    }

    @Test
    void aPrefillAttributeThatDoesNotExistIsRefused() {
        assertRefused(patch -> patch.replace("/services/0/form/fields/1/prefill", "favourite_colour"),
                "service \"hkid-replacement\", form field \"surnameEn\": prefill attribute \"favourite_colour\""
                        + " is not a digital-ID attribute");
    }

    @Test
    void aTextMissingALanguageIsRefused() {
        assertRefused(patch -> patch.remove("/services/0/summary/zh-CN"),
                "service \"hkid-replacement\", summary: the \"zh-CN\" text is missing");
        assertRefused(patch -> patch.remove("/services/0/form/fields/0/label/zh-HK"),
                "service \"hkid-replacement\", form field \"hkidNumber\", label: the \"zh-HK\" text is missing");
        assertRefused(patch -> patch.replace("/services/0/faq/1/a/en", " "),
                "service \"hkid-replacement\", FAQ 2, a \"en\": the text is empty");
    }

    @Test
    void optionsOnAFieldThatTakesNoneAreRefused() {
        JsonValue options = Json.createReader(new StringReader(
                "[{\"value\":\"a\",\"label\":{\"en\":\"A\",\"zh-HK\":\"甲\",\"zh-CN\":\"甲\"}},"
                        + "{\"value\":\"b\",\"label\":{\"en\":\"B\",\"zh-HK\":\"乙\",\"zh-CN\":\"乙\"}}]")).readValue();
        assertRefused(patch -> patch.add("/services/0/form/fields/0/options", options),
                "service \"hkid-replacement\", form field \"hkidNumber\": only select and radio fields take options");
        assertRefused(patch -> patch.remove("/services/0/form/fields/4/options"),
                "service \"hkid-replacement\", form field \"reason\": a select field needs options");
    }

    @Test
    void aFormThatDoesNotMatchOnlineIsRefused() {
        assertRefused(patch -> patch.replace("/services/0/form", JsonValue.NULL),
                "service \"hkid-replacement\": it is online but has no form");
        assertRefused(patch -> patch.replace("/services/0/online", JsonValue.FALSE),
                "service \"hkid-replacement\": it is not online, so its form must be null");
    }

    @Test
    void aFieldNameTwiceInAFormIsRefused() {
        assertRefused(patch -> patch.replace("/services/0/form/fields/1/name", "hkidNumber"),
                "service \"hkid-replacement\", form field \"hkidNumber\": another field of the form has the same name");
    }

    @Test
    void aConstraintForAnotherTypeIsRefused() {
        assertRefused(patch -> patch.add("/services/0/form/fields/0/constraints",
                        Json.createObjectBuilder().add("min", 1).build()),
                "service \"hkid-replacement\", form field \"hkidNumber\", constraints: \"min\" does not apply to a hkid field");
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertRefused(patch -> patch.add("/services/0/form/fields/1/prefil", "surname_en"),
                "service \"hkid-replacement\", form field \"surnameEn\": unknown key \"prefil\"");
    }

    @Test
    void anIdThatIsNotSafeInAnAddressIsRefused() {
        assertRefused(patch -> patch.replace("/services/0/id", "hkid replacement<script>"),
                "the id may hold only lower-case letters, digits and single hyphens");
    }

    @Test
    void aNegativeFeeAndFractionalDaysAreRefused() {
        assertRefused(patch -> patch.replace("/services/0/fee/amountHkd", Json.createValue(-1)),
                "service \"hkid-replacement\", fee: amountHkd must not be negative");
        assertRefused(patch -> patch.replace("/services/0/processingDays", Json.createValue(1.5)),
                "service \"hkid-replacement\": \"processingDays\" must be a whole number");
    }

    private static void assertRefused(UnaryOperator<JsonPatchBuilder> defect, String message) {
        String json = withDefect(defect);
        assertThatThrownBy(() -> CatalogueFile.parse(json))
                .isInstanceOf(CatalogueRefusedException.class)
                .hasMessageContaining(message);
    }

    /** The project's catalogue with one change, written back as JSON text. */
    static String withDefect(UnaryOperator<JsonPatchBuilder> defect) {
        JsonStructure catalogue = Json.createReader(new StringReader(ProjectCatalogue.json())).read();
        return defect.apply(Json.createPatchBuilder()).build().apply(catalogue).toString();
    }
}
