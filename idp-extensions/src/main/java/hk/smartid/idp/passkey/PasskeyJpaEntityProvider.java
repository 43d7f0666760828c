package hk.smartid.idp.passkey;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/**
 * Adds the passkey-use table to Keycloak's database: the entity to its persistence unit and the Liquibase
 * changelog that creates it, which Keycloak runs at start-up (recorded in {@code DATABASECHANGELOG_SMARTID_PA},
 * named after the factory id).
 */
public class PasskeyJpaEntityProvider implements JpaEntityProvider {

    /** The master changelog; each schema change is its own dated file under {@code META-INF/changelog/}. */
    public static final String CHANGELOG = "META-INF/smartid-passkey-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(PasskeyUseEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return PasskeyJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
