package hk.smartid.idp.enrolment;

import hk.smartid.idp.audit.StaffAuditEntity;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak finds the provider only through META-INF/services and the changelog only on the class path. */
class EnrolmentJpaEntityProviderTest {

    private final JpaEntityProvider provider = new EnrolmentJpaEntityProviderFactory().create(null);

    @Test
    void shouldBeFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(JpaEntityProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(EnrolmentJpaEntityProviderFactory.class);
    }

    @Test
    void shouldProvideBothEntitiesUnderItsFactoryId() {
        assertThat(provider.getEntities()).containsExactlyInAnyOrder(ActivationCodeEntity.class, StaffAuditEntity.class);
        assertThat(provider.getFactoryId()).isEqualTo(EnrolmentJpaEntityProviderFactory.PROVIDER_ID).isEqualTo("smartid-enrolment");
    }

    @Test
    void shouldPointToAMasterChangelogThatIncludesTheTables() throws IOException {
        assertThat(provider.getChangelogLocation()).isEqualTo("META-INF/smartid-changelog.xml");

        String master = read(provider.getChangelogLocation());
        assertThat(master).contains("<include file=\"META-INF/changelog/2026-11-25-enrolment-tables.xml\"/>");
        assertThat(read("META-INF/changelog/2026-11-25-enrolment-tables.xml"))
                .contains("tableName=\"SMARTID_ACTIVATION_CODE\"", "tableName=\"SMARTID_STAFF_AUDIT\"");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EnrolmentJpaEntityProviderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
