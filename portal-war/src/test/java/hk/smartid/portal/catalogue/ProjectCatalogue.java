package hk.smartid.portal.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The catalogue file the project ships (config/), as the tests read it. */
public final class ProjectCatalogue {

    public static final Path FILE = Path.of("../config/src/main/resources/catalogue/services.json");

    private ProjectCatalogue() {
    }

    public static String json() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceCatalogue parsed() {
        try {
            return CatalogueFile.parse(json());
        } catch (CatalogueRefusedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
