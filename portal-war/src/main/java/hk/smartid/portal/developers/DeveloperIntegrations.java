package hk.smartid.portal.developers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The developer area's records: organisations, integrations and approvers' decisions. Every read of a business's own
 * records names its owner (the session's subject): another resident's id finds nothing. Calls to the IdP are not
 * made here but around these transactions, so that no transaction waits on the network.
 */
@ApplicationScoped
public class DeveloperIntegrations {

    /** A Hong Kong business registration number: the first 8 digits of the certificate number. */
    static final Pattern BUSINESS_REGISTRATION_NUMBER = Pattern.compile("[0-9]{8}");
    static final int ORGANISATION_NAME_MAX = 200;
    static final int REASON_MAX = 2000;
    private static final String CLIENT_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "smartid")
    EntityManager entityManager;

    @Transactional
    public Optional<Organisation> organisationOf(String owner) {
        return Optional.ofNullable(entityManager.find(Organisation.class, owner));
    }

    /** Declares (or corrects) the organisation the resident represents; the values were checked by the page. */
    @Transactional
    public Organisation declare(String owner, String name, String businessRegistrationNumber) {
        Organisation organisation = entityManager.find(Organisation.class, owner);
        if (organisation == null) {
            organisation = new Organisation(owner, name.trim(), businessRegistrationNumber.trim(), Instant.now());
            entityManager.persist(organisation);
        } else {
            organisation.declare(name.trim(), businessRegistrationNumber.trim(), Instant.now());
        }
        return organisation;
    }

    /** A fresh pair of client ids sharing one random part: {@code sandbox-…} now, {@code biz-…} once approved. */
    static ClientIds newClientIds() {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            random.append(CLIENT_ID_ALPHABET.charAt(RANDOM.nextInt(CLIENT_ID_ALPHABET.length())));
        }
        return new ClientIds("sandbox-" + random, "biz-" + random);
    }

    record ClientIds(String sandbox, String production) {
    }

    /** Records an integration the sandbox has registered under {@code ids.sandbox()}. */
    @Transactional
    public Integration record(String owner, IntegrationRequest request, ClientIds ids) {
        Organisation organisation = entityManager.find(Organisation.class, owner);
        if (organisation == null) {
            throw new IllegalStateException("no organisation declared");
        }
        Integration integration = new Integration(UUID.randomUUID().toString(), owner, organisation, request,
                ids.sandbox(), ids.production(), Instant.now());
        entityManager.persist(integration);
        return integration;
    }

    @Transactional
    public List<Integration> ofOwner(String owner) {
        return entityManager.createNamedQuery(Integration.OF_OWNER, Integration.class).setParameter("owner", owner)
                .getResultList();
    }

    @Transactional
    public Optional<Integration> ofOwner(String owner, String id) {
        return Optional.ofNullable(id == null ? null : entityManager.find(Integration.class, id))
                .filter(integration -> integration.getOwnerSubject().equals(owner));
    }

    /** The business asks to go live; false when its state does not allow it (already pending or approved). */
    @Transactional
    public boolean requestGoLive(String owner, String id) {
        Integration integration = id == null ? null : entityManager.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null || !integration.getOwnerSubject().equals(owner) || !integration.getState().mayRequestGoLive()) {
            return false;
        }
        integration.requestGoLive(Instant.now());
        return true;
    }

    /** Requests waiting for an approver, oldest first. */
    @Transactional
    public List<Integration> pending() {
        return entityManager.createNamedQuery(Integration.IN_STATE, Integration.class)
                .setParameter("state", IntegrationState.PENDING).getResultList();
    }

    @Transactional
    public Optional<Integration> find(String id) {
        return Optional.ofNullable(id == null ? null : entityManager.find(Integration.class, id));
    }

    @Transactional
    public List<IntegrationDecision> decisionsOn(String id) {
        return entityManager.createNamedQuery(IntegrationDecision.OF_INTEGRATION, IntegrationDecision.class)
                .setParameter("integration", id).getResultList();
    }

    /**
     * Records the approver's decision on a pending request, with the decision itself kept in the audit table, in one
     * transaction; false (nothing written) when the request is no longer pending (another approver decided first).
     */
    @Transactional
    public boolean decide(String id, IntegrationDecision.Decision decision, String approverSubject, String approverName,
                          String reason) {
        Integration integration = entityManager.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null || integration.getState() != IntegrationState.PENDING) {
            return false;
        }
        Instant now = Instant.now();
        if (decision == IntegrationDecision.Decision.APPROVED) {
            integration.approve(now);
        } else {
            integration.refuse(reason, now);
        }
        entityManager.persist(new IntegrationDecision(UUID.randomUUID().toString(), id, decision, approverSubject,
                approverName, reason, now));
        return true;
    }
}
