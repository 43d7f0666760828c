package hk.smartid.portal.catalogue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the catalogue file at start-up, keeping the last accepted one in force when a new file is refused.
 *
 * <p>An accepted file is copied to {@value #ACCEPTED_COPY} in the data directory (written whole, then moved
 * into place, so a crash never leaves half a copy). A refused or unreadable file is logged with the reason
 * naming the entry, and the accepted copy is used instead. Importing the same file again changes nothing, so
 * it runs on every start.
 */
public final class CatalogueImport {

    private static final Logger LOG = Logger.getLogger(CatalogueImport.class.getName());

    /** The last catalogue file the portal accepted, in its data directory. */
    public static final String ACCEPTED_COPY = "accepted-services.json";

    private final Path file;
    private final Path dataDir;

    /**
     * @param file    the departments' catalogue file (config/catalogue/services.json as installed)
     * @param dataDir where the accepted copy is kept
     */
    public CatalogueImport(Path file, Path dataDir) {
        this.file = file;
        this.dataDir = dataDir;
    }

    /** What the portal serves after an import: the catalogue and its file's text (published as open data). */
    public record Outcome(ServiceCatalogue catalogue, String json, Optional<String> refusal) {

        static final Outcome NOTHING = new Outcome(ServiceCatalogue.EMPTY, "", Optional.empty());
    }

    public Outcome run() {
        String refusal;
        try {
            String json = read(file);
            ServiceCatalogue catalogue = CatalogueFile.parse(json);
            try {
                keepAcceptedCopy(json);
            } catch (IOException e) {
                // the new catalogue is good: serve it, but a later refusal will find an older copy (or none)
                LOG.log(Level.WARNING, "Cannot keep a copy of the accepted catalogue in " + dataDir, e);
            }
            LOG.info(() -> "Catalogue " + file + " imported: version " + catalogue.version() + ", "
                    + catalogue.services().size() + " services");
            return new Outcome(catalogue, json, Optional.empty());
        } catch (CatalogueRefusedException e) {
            refusal = "Catalogue file " + file + " refused: " + e.getMessage();
        } catch (NoSuchFileException e) {
            refusal = "Catalogue file " + file + " not found";
        } catch (IOException e) {
            refusal = "Catalogue file " + file + " unreadable: " + e.getMessage();
        }
        return previous(refusal);
    }

    private Outcome previous(String refusal) {
        Path copy = dataDir.resolve(ACCEPTED_COPY);
        try {
            String json = read(copy);
            ServiceCatalogue catalogue = CatalogueFile.parse(json);
            LOG.severe(refusal + ". The previous catalogue stays in force: version " + catalogue.version()
                    + " (" + copy + ")");
            return new Outcome(catalogue, json, Optional.of(refusal));
        } catch (NoSuchFileException e) {
            LOG.severe(refusal + ". No catalogue was accepted before: the portal lists no e-service");
        } catch (IOException | CatalogueRefusedException e) {
            LOG.log(Level.SEVERE, refusal + ". The previous catalogue " + copy
                    + " cannot be used either: the portal lists no e-service", e);
        }
        return new Outcome(ServiceCatalogue.EMPTY, "", Optional.of(refusal));
    }

    private void keepAcceptedCopy(String json) throws IOException {
        Path copy = dataDir.resolve(ACCEPTED_COPY);
        if (Files.exists(copy) && read(copy).equals(json)) {
            return;
        }
        Files.createDirectories(dataDir);
        Path temporary = Files.createTempFile(dataDir, "accepted-services", ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The file as UTF-8, refusing bytes that are not (rather than replacing them). */
    private static String read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }
}
