package hk.smartid.idp.storage;

import hk.smartid.idp.audit.StaffAuditEntity;
import hk.smartid.idp.cluster.NodeRulesEntity;
import hk.smartid.idp.consent.ConsentEntity;
import hk.smartid.idp.disclosure.DisclosureEntity;
import hk.smartid.idp.disclosure.DisclosureHeadEntity;
import hk.smartid.idp.disclosure.DisclosureLeafEntity;
import hk.smartid.idp.disclosure.DisclosureNodeEntity;
import hk.smartid.idp.disclosure.PendingDisclosureEntity;
import hk.smartid.idp.disclosure.SequencerEntity;
import hk.smartid.idp.disclosure.TreeHeadEntity;
import hk.smartid.idp.enrolment.ActivationCodeEntity;
import hk.smartid.idp.hkid.HkidClaimEntity;
import hk.smartid.idp.passkey.PasskeyUseEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/**
 * Every SmartID table in Keycloak's database: the entities join Keycloak's persistence unit, and one master
 * Liquibase changelog (each schema change its own dated file) runs at start-up. Keycloak records what it ran
 * in {@code DATABASECHANGELOG_SMARTID_EN}, named after the factory id.
 */
public class SmartIdTables implements JpaEntityProvider {

    public static final String CHANGELOG = "META-INF/smartid-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ActivationCodeEntity.class, StaffAuditEntity.class, ConsentEntity.class, DisclosureEntity.class,
                DisclosureHeadEntity.class, PendingDisclosureEntity.class, DisclosureLeafEntity.class,
                DisclosureNodeEntity.class, TreeHeadEntity.class, SequencerEntity.class, PasskeyUseEntity.class, HkidClaimEntity.class,
                NodeRulesEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return SmartIdTablesFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
