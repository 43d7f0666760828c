package hk.smartid.idp.passkey;

import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak finds the provider only through META-INF/services and the changelog only on the class path. */
class PasskeyJpaEntityProviderTest {

    private final JpaEntityProvider provider = new PasskeyJpaEntityProviderFactory().create(null);

    @Test
    void shouldBeFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(JpaEntityProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(PasskeyJpaEntityProviderFactory.class);
    }

    @Test
    void shouldProvideThePasskeyUseEntityUnderItsOwnFactoryId() {
        assertThat(provider.getEntities()).containsExactly(PasskeyUseEntity.class);
        assertThat(provider.getFactoryId()).isEqualTo("smartid-passkey");
    }

    @Test
    void shouldPointToAMasterChangelogThatIncludesTheTable() throws IOException {
        String master = read(provider.getChangelogLocation());
        assertThat(master).contains("<include file=\"META-INF/changelog/2026-11-26-passkey-use.xml\"/>");
        assertThat(read("META-INF/changelog/2026-11-26-passkey-use.xml")).contains("tableName=\"SMARTID_PASSKEY_USE\"");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PasskeyJpaEntityProviderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
