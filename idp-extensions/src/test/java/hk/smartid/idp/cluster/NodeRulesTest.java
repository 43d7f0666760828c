package hk.smartid.idp.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NodeRulesTest {

    @Test
    void shouldGiveTwoInstallationsTheSameFingerprintOnlyWhileTheirProvidersAndRealmImportsAreTheSame(
            @TempDir Path one, @TempDir Path other) throws Exception {
        for (Path home : new Path[] {one, other}) {
            Files.createDirectories(home.resolve("providers"));
            Files.createDirectories(home.resolve("data/import"));
            Files.writeString(home.resolve("providers/smartid-idp-extensions.jar"), "provider bytes");
            Files.writeString(home.resolve("data/import/smartid-realm.json"), "{\"accessTokenLifespan\": 300}");
            Files.writeString(home.resolve("data/kept-apart.log"), "not a rule: " + home);
        }
        assertThat(NodeRules.fingerprint(one)).isEqualTo(NodeRules.fingerprint(other));

        Files.writeString(other.resolve("data/import/smartid-realm.json"), "{\"accessTokenLifespan\": 600}");
        assertThat(NodeRules.fingerprint(one)).as("another realm import").isNotEqualTo(NodeRules.fingerprint(other));

        Files.writeString(other.resolve("data/import/smartid-realm.json"), "{\"accessTokenLifespan\": 300}");
        Files.writeString(other.resolve("providers/smartid-idp-extensions.jar"), "other provider bytes");
        assertThat(NodeRules.fingerprint(one)).as("another provider jar").isNotEqualTo(NodeRules.fingerprint(other));
    }
}
