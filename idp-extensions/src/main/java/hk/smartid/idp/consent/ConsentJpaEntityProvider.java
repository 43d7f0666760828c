package hk.smartid.idp.consent;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/**
 * Adds the consent table to Keycloak's database: {@link ConsentEntity} to its persistence unit and the
 * Liquibase changelog that creates the table, which Keycloak runs at start-up (recording what it ran in
 * its own table {@code DATABASECHANGELOG_SMARTID_CO}, named after the factory id).
 */
public class ConsentJpaEntityProvider implements JpaEntityProvider {

    /** The consent master changelog; each schema change is its own dated file included there. */
    public static final String CHANGELOG = "META-INF/changelog/consent-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ConsentEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return ConsentJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
