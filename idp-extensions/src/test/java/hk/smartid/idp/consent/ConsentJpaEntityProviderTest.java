package hk.smartid.idp.consent;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak finds the providers only through META-INF/services and the changelog only on the class path. */
class ConsentJpaEntityProviderTest {

    private final JpaEntityProvider provider = new ConsentJpaEntityProviderFactory().create(null);

    @Test
    void shouldBeFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(JpaEntityProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(ConsentJpaEntityProviderFactory.class);
        assertThat(ServiceLoader.load(AuthenticatorFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(ConsentAuthenticatorFactory.class);
    }

    @Test
    void shouldProvideTheConsentEntityUnderItsOwnFactoryId() {
        assertThat(provider.getEntities()).containsExactly(ConsentEntity.class);
        assertThat(provider.getFactoryId()).isEqualTo(ConsentJpaEntityProviderFactory.PROVIDER_ID).isEqualTo("smartid-consent");
        assertThat(new ConsentAuthenticatorFactory().getId()).isEqualTo("smartid-bank-consent");
    }

    @Test
    void shouldPointToItsOwnChangelogThatCreatesTheTableAndBothIndexes() throws IOException {
        assertThat(provider.getChangelogLocation()).isEqualTo("META-INF/changelog/consent-changelog.xml");

        assertThat(read(provider.getChangelogLocation()))
                .contains("<include file=\"META-INF/changelog/2026-11-25-consent-table.xml\"/>");
        assertThat(read("META-INF/changelog/2026-11-25-consent-table.xml"))
                .contains("tableName=\"SMARTID_CONSENT\"", "IDX_SMARTID_CONSENT_USER\"", "IDX_SMARTID_CONSENT_USER_CLIENT\"");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ConsentJpaEntityProviderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
