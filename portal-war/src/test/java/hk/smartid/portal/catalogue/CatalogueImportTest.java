package hk.smartid.portal.catalogue;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueImportTest {

    @TempDir
    Path dir;

    @Test
    void anAcceptedFileIsServedAndKeptAsTheAcceptedCopy() throws IOException {
        Path file = write("services.json", ProjectCatalogue.json());

        CatalogueImport.Outcome outcome = new CatalogueImport(file, dir.resolve("data")).run();

        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.catalogue().services()).hasSize(53);
        assertThat(outcome.json()).isEqualTo(ProjectCatalogue.json());
        assertThat(dir.resolve("data").resolve(CatalogueImport.ACCEPTED_COPY)).hasContent(ProjectCatalogue.json());
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path file = write("services.json", ProjectCatalogue.json());
        Path copy = dir.resolve("data").resolve(CatalogueImport.ACCEPTED_COPY);
        new CatalogueImport(file, dir.resolve("data")).run();
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(copy, past);

        CatalogueImport.Outcome again = new CatalogueImport(file, dir.resolve("data")).run();

        assertThat(again.catalogue()).isEqualTo(ProjectCatalogue.parsed());
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(past);
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files).containsExactly(copy);
        }
    }

    @Test
    void aRefusedFileLeavesThePreviousCatalogueInForce() throws IOException {
        Path file = write("services.json", ProjectCatalogue.json());
        new CatalogueImport(file, dir.resolve("data")).run();
        String changedName = CatalogueFileTest.withDefect(patch -> patch
                .replace("/version", "2027-01-01")
                .replace("/services/5/name/en", "Renewal of a driving licence (new text)"));
        write("services.json", changedName);
        assertThat(new CatalogueImport(file, dir.resolve("data")).run().catalogue().version()).isEqualTo("2027-01-01");
        write("services.json", CatalogueFileTest.withDefect(patch -> patch
                .replace("/version", "2027-02-01")
                .replace("/services/0/form/fields/0/type", "colour")));

        CatalogueImport.Outcome outcome = new CatalogueImport(file, dir.resolve("data")).run();

        assertThat(outcome.refusal()).hasValueSatisfying(refusal -> assertThat(refusal)
                .contains("refused")
                .contains("service \"hkid-replacement\", form field \"hkidNumber\": type \"colour\""));
        assertThat(outcome.catalogue().version()).isEqualTo("2027-01-01");
        assertThat(outcome.catalogue().service("driving-licence-renewal").orElseThrow().name().en())
                .isEqualTo("Renewal of a driving licence (new text)");
        assertThat(outcome.json()).isEqualTo(changedName);
        assertThat(dir.resolve("data").resolve(CatalogueImport.ACCEPTED_COPY)).hasContent(changedName);
    }

    @Test
    void aMissingOrUnreadableFileLeavesThePreviousCatalogueInForce() throws IOException {
        Path file = write("services.json", ProjectCatalogue.json());
        new CatalogueImport(file, dir.resolve("data")).run();
        Files.write(file, new byte[] {'{', (byte) 0xC3, '}'});

        CatalogueImport.Outcome notUtf8 = new CatalogueImport(file, dir.resolve("data")).run();
        CatalogueImport.Outcome missing = new CatalogueImport(dir.resolve("nowhere.json"), dir.resolve("data")).run();

        assertThat(notUtf8.refusal()).hasValueSatisfying(refusal -> assertThat(refusal).contains("not UTF-8"));
        assertThat(notUtf8.catalogue().services()).hasSize(53);
        assertThat(missing.refusal()).hasValueSatisfying(refusal -> assertThat(refusal).contains("not found"));
        assertThat(missing.catalogue().services()).hasSize(53);
    }

    @Test
    void withoutAnyAcceptedCatalogueARefusedFileGivesAnEmptyCatalogue() throws IOException {
        Path file = write("services.json", CatalogueFileTest.withDefect(patch -> patch
                .replace("/services/1/online", JsonValue.NULL)));

        CatalogueImport.Outcome outcome = new CatalogueImport(file, dir.resolve("data")).run();

        assertThat(outcome.refusal()).hasValueSatisfying(refusal -> assertThat(refusal)
                .contains("service \"passport-application\": \"online\" must be true or false"));
        assertThat(outcome.catalogue().isEmpty()).isTrue();
        assertThat(dir.resolve("data").resolve(CatalogueImport.ACCEPTED_COPY)).doesNotExist();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
