package hk.smartid.utility.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The key the portal signs its client assertions with ({@code private_key_jwt}): an EC P-256 key (ES256) made on the
 * first start and kept in the data directory, readable by its owner only. Only its public half ever leaves
 * ({@code /jwks.json}, which SmartID fetches).
 */
public final class ClientKey {

    static final String FILE_NAME = "client-key.jwk.json";

    private ClientKey() {
    }

    public static ECKey loadOrCreate(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
            Files.createDirectories(dataDirectory);
            // Written aside and moved, so a crash never leaves half a key that the next start would refuse.
            Path written = Files.createTempFile(dataDirectory, "client-key", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(written, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (ParseException e) {
            throw new IOException(file + " is not a JSON Web Key: delete it to make a new one (and let SmartID fetch it)", e);
        } catch (JOSEException e) {
            throw new IOException("Could not make an EC P-256 key", e);
        }
    }
}
