package hk.smartid.utility.login;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientKeyTest {

    @Test
    void shouldMakeAnEs256KeyOnTheFirstStartAndKeepItForTheNext(@TempDir Path data) throws Exception {
        ECKey first = ClientKey.loadOrCreate(data.resolve("utility"));
        ECKey again = ClientKey.loadOrCreate(data.resolve("utility"));

        assertThat(first.getCurve()).isEqualTo(Curve.P_256);
        assertThat(first.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(first.isPrivate()).isTrue();
        assertThat(again).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(data.resolve("utility").resolve(ClientKey.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void shouldRefuseAFileThatIsNoKeyNamingIt(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(ClientKey.FILE_NAME), "{not a key");

        assertThatThrownBy(() -> ClientKey.loadOrCreate(data)).isInstanceOf(IOException.class)
                .hasMessageContaining(ClientKey.FILE_NAME);
    }
}
