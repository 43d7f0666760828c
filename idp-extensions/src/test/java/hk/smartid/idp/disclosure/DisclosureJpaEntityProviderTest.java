package hk.smartid.idp.disclosure;

import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keycloak finds the provider only through META-INF/services and the changelog only on the class path. */
class DisclosureJpaEntityProviderTest {

    private final JpaEntityProvider provider = new DisclosureJpaEntityProviderFactory().create(null);

    @Test
    void shouldBeFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(JpaEntityProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(DisclosureJpaEntityProviderFactory.class);
    }

    @Test
    void shouldProvideTheLogAndItsHeadUnderItsOwnFactoryId() {
        assertThat(provider.getEntities()).containsExactlyInAnyOrder(DisclosureEntity.class, DisclosureHeadEntity.class);
        assertThat(provider.getFactoryId()).isEqualTo("smartid-disclosure");
    }

    @Test
    void shouldCreateBothTablesAndTheEmptyChainsHead() throws IOException {
        assertThat(read(provider.getChangelogLocation()))
                .contains("<include file=\"META-INF/changelog/2026-12-01-disclosure-log.xml\"/>");
        assertThat(read("META-INF/changelog/2026-12-01-disclosure-log.xml"))
                .contains("tableName=\"SMARTID_DISCLOSURE\"", "tableName=\"SMARTID_DISCLOSURE_HEAD\"",
                        "<insert tableName=\"SMARTID_DISCLOSURE_HEAD\">", "value=\"" + DisclosureChain.GENESIS_HASH + "\"");
    }

    @Test
    void shouldOfferNoWayToChangeOrRemoveAnEntry() {
        assertThat(Arrays.stream(DisclosureEntity.class.getDeclaredMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("set"));
        DisclosureEntity entry = new DisclosureEntity(DisclosureChain.next(0, DisclosureChain.GENESIS_HASH, "d-1", "realm",
                "user", "sample-bank", "consent", "person.hkid", 1L));
        assertThatThrownBy(entry::refuseUpdate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(entry::refuseRemoval).isInstanceOf(IllegalStateException.class);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = DisclosureJpaEntityProviderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
