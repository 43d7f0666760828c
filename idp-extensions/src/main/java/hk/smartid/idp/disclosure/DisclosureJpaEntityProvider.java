package hk.smartid.idp.disclosure;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/**
 * Adds the disclosure log's tables to Keycloak's database: the entities to its persistence unit and the
 * Liquibase changelog that creates them (recorded in {@code DATABASECHANGELOG_SMARTID_DI}, named after the
 * factory id). Its own provider, apart from the enrolment tables, so the feature comes and goes as one package.
 */
public class DisclosureJpaEntityProvider implements JpaEntityProvider {

    /** The master changelog of the disclosure log; each schema change is its own dated file under {@code META-INF/changelog/}. */
    public static final String CHANGELOG = "META-INF/smartid-disclosure-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(DisclosureEntity.class, DisclosureHeadEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return DisclosureJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
