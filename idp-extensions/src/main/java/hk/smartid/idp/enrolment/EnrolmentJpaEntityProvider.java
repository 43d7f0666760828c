package hk.smartid.idp.enrolment;

import hk.smartid.idp.audit.StaffAuditEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/**
 * Adds the counter-enrolment tables to Keycloak's database: the entities to its persistence unit and
 * the Liquibase changelog that creates them, which Keycloak runs at start-up (recording what it ran in
 * its own table {@code DATABASECHANGELOG_SMARTID_EN}, named after the factory id).
 */
public class EnrolmentJpaEntityProvider implements JpaEntityProvider {

    /** The master changelog; each schema change is its own dated file under {@code META-INF/changelog/}. */
    public static final String CHANGELOG = "META-INF/smartid-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ActivationCodeEntity.class, StaffAuditEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return EnrolmentJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
