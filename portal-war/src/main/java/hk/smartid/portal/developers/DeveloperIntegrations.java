package hk.smartid.portal.developers;

import hk.smartid.portal.idp.IdpOnboarding;
import hk.smartid.portal.idp.IdpResult;
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
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The developer area's records: organisations, integrations and approvers' decisions. Every read of a business's own
 * records names its owner (the session's subject): another resident's id finds nothing. Calls to the IdP are made
 * around these transactions, so that no transaction waits on the network, except the sandbox registration
 * ({@link #registerAndRecord}), which must be all or nothing.
 */
@ApplicationScoped
public class DeveloperIntegrations {

    /** A Hong Kong business registration number: the first 8 digits of the certificate number. */
    static final Pattern BUSINESS_REGISTRATION_NUMBER = Pattern.compile("[0-9]{8}");
    static final int ORGANISATION_NAME_MAX = 200;
    static final int REASON_MAX = 2000;
    // Letters only: a run of six digits makes the IdP's staff audit withhold a line's detail as possible personal data
    // (AuditDetail), and the client id is in the detail of every disable and enable. 22^14 ids, none of them secret.
    private static final String CLIENT_ID_ALPHABET = "abcdefghjkmnpqrstvwxyz";
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
        for (int i = 0; i < 14; i++) {
            random.append(CLIENT_ID_ALPHABET.charAt(RANDOM.nextInt(CLIENT_ID_ALPHABET.length())));
        }
        return new ClientIds("sandbox-" + random, "biz-" + random);
    }

    record ClientIds(String sandbox, String production) {
    }

    /**
     * Records an integration and registers it in the sandbox under {@code ids.sandbox()}, both or neither: the record
     * is written first (flushed, so a write that fails throws before the sandbox is asked), the registration is made
     * inside the same transaction, and a registration the sandbox does not make rolls the record back
     * ({@link NotRegistered}). The sandbox has no way to delete a client, so it is never asked before the write holds.
     *
     * @throws NotRegistered       the sandbox's answer when it is no success (nothing recorded)
     * @throws RuntimeException    the write failed (nothing recorded, nothing registered)
     */
    @Transactional
    public Integration registerAndRecord(String owner, IntegrationRequest request, ClientIds ids,
                                         Function<ClientIds, IdpResult<IdpOnboarding.Registered>> sandbox) {
        Organisation organisation = entityManager.find(Organisation.class, owner);
        if (organisation == null) {
            throw new IllegalStateException("no organisation declared");
        }
        Integration integration = new Integration(UUID.randomUUID().toString(), owner, organisation, request,
                ids.sandbox(), ids.production(), Instant.now());
        entityManager.persist(integration);
        entityManager.flush();
        IdpResult<IdpOnboarding.Registered> registered = sandbox.apply(ids);
        if (!(registered instanceof IdpResult.Success<IdpOnboarding.Registered>)) {
            throw new NotRegistered(registered);
        }
        return integration;
    }

    /** The sandbox did not register the integration: its answer; the record is rolled back. */
    public static final class NotRegistered extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IdpResult<IdpOnboarding.Registered> answer;

        NotRegistered(IdpResult<IdpOnboarding.Registered> answer) {
            super("the sandbox did not register the integration", null, false, false);
            this.answer = answer;
        }

        public IdpResult<IdpOnboarding.Registered> answer() {
            return answer;
        }
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

    /** Integrations live or disabled in production, newest decision first. */
    @Transactional
    public List<Integration> inProduction() {
        return entityManager.createNamedQuery(Integration.IN_PRODUCTION, Integration.class)
                .setParameter("states", List.of(IntegrationState.APPROVED, IntegrationState.DISABLED)).getResultList();
    }

    /**
     * Records that the production client was disabled or enabled (the IdP has done it) by this person, as the
     * integration's state and a line of its decisions, in one transaction; false (nothing written) when its state
     * no longer allows it.
     */
    @Transactional
    public boolean switched(String id, boolean enabled, String subject, String name) {
        Integration integration = entityManager.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null || !integration.getState().maySwitchTo(enabled)) {
            return false;
        }
        integration.switchTo(enabled);
        entityManager.persist(new IntegrationDecision(UUID.randomUUID().toString(), id, enabled
                ? IntegrationDecision.Decision.ENABLED : IntegrationDecision.Decision.DISABLED, subject, name, null,
                Instant.now()));
        return true;
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
