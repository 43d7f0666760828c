package hk.smartid.bank.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class BankKeysTest {

    @Test
    void shouldMakeKeysOnceAndKeepThemAcrossStarts(@TempDir Path directory) throws Exception {
        BankKeys first = BankKeys.inDirectory(directory);
        BankKeys second = BankKeys.inDirectory(directory);

        assertThat(second.signing()).isEqualTo(first.signing());
        assertThat(second.encryption()).isEqualTo(first.encryption());
        assertThat(second.dpop()).isEqualTo(first.dpop());
        assertThat(first.signing().getKeyID()).isNotEqualTo(first.encryption().getKeyID());
        assertThat(Files.getPosixFilePermissions(directory.resolve("signing.jwk.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void shouldPublishOnlyThePublicSigningAndEncryptionKeys(@TempDir Path directory) throws Exception {
        BankKeys keys = BankKeys.inDirectory(directory);

        JWKSet published = JWKSet.parse(keys.publicJwks().toString());

        assertThat(published.getKeys()).extracting(JWK::getKeyUse).containsExactly(KeyUse.SIGNATURE, KeyUse.ENCRYPTION);
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(published.getKeyByKeyId(keys.dpop().getKeyID())).isNull();
        assertThat(keys.publicJwks().toString()).doesNotContain("\"d\"");
    }
}
