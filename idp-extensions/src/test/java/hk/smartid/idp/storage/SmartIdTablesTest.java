package hk.smartid.idp.storage;

import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak finds the provider only through META-INF/services and the changelogs only on the class path. */
class SmartIdTablesTest {

    private final JpaEntityProvider provider = new SmartIdTablesFactory().create(null);

    @Test
    void shouldBeTheOnlyEntityProviderFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(JpaEntityProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(SmartIdTablesFactory.class);
        assertThat(provider.getFactoryId()).isEqualTo("smartid-enrolment");
    }

    @Test
    void shouldCreateEveryTableOfAnEntityThroughAnIncludedChangelog() throws IOException {
        String master = read(provider.getChangelogLocation());
        StringBuilder changes = new StringBuilder();
        Matcher include = Pattern.compile("<include file=\"([^\"]+)\"/>").matcher(master);
        while (include.find()) {
            changes.append(read(include.group(1)));
        }
        for (Class<?> entity : provider.getEntities()) {
            String table = entity.getAnnotation(jakarta.persistence.Table.class).name();
            assertThat(changes.toString()).as(entity.getSimpleName()).contains("tableName=\"" + table + "\"");
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SmartIdTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
