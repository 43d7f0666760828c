package hk.smartid.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A server distribution zip, unpacked once into var/servers and reused after that. */
final class Distribution {

    private Distribution() {
    }

    /**
     * Unpacks {@code zip} into {@code target} unless a previous run already did, and returns the single
     * top-level directory of the distribution (e.g. keycloak-26.4.7, payara6).
     */
    static Path unpackOnce(Path zip, Path target) {
        Path done = target.resolve(".unpacked");
        try {
            if (!Files.exists(done)) {
                if (!Files.exists(zip)) {
                    throw new PlatformStartException("Missing " + zip + ": build first with ./mvnw install -DskipTests");
                }
                deleteRecursively(target);
                Files.createDirectories(target);
                unzip(zip, target);
                Files.writeString(done, zip.getFileName().toString());
            }
            try (Stream<Path> entries = Files.list(target)) {
                return entries.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new PlatformStartException("Empty distribution in " + target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(entries, file, StandardCopyOption.REPLACE_EXISTING);
                // Zip entries lose the executable bit; the launch scripts need it back.
                if (file.getParent().getFileName().toString().equals("bin")) {
                    file.toFile().setExecutable(true, true);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
