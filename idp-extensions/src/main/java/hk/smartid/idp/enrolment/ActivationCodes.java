package hk.smartid.idp.enrolment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The activation codes of residents enrolled at a counter: staff issue one, the resident redeems it once
 * to activate the account. A resident has at most one live code; issuing a new one revokes the old.
 *
 * <p>Works in the Keycloak session's JPA transaction: changes are committed with the request.
 */
public class ActivationCodes {

    /** Wrong tries a code survives; the {@value}th wrong try locks it for good. */
    public static final int MAX_WRONG_TRIES = 5;

    // One generator for the JVM: SecureRandom is thread-safe and seeding a new one per code is wasteful.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final Clock clock;

    public ActivationCodes(KeycloakSession session) {
        this(session, Clock.systemUTC());
    }

    /** {@code clock} decides issue and revocation times, for tests that move time. */
    public ActivationCodes(KeycloakSession session, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues a new code for {@code resident}, valid for {@code validFor}, revoking any earlier code not
     * yet used. The returned plain code is to be shown to the resident and then forgotten: only its hash
     * is stored, and it must not be logged.
     */
    public IssuedActivationCode issue(RealmModel realm, UserModel resident, String staffId, String branch, Duration validFor) {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(branch, "branch");
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("validFor must be positive");
        }
        Instant now = clock.instant();
        revokeActive(realm, resident, now);

        ActivationCode code = ActivationCode.generate(RANDOM);
        ActivationCodeHash hash = ActivationCodeHash.of(code, RANDOM);
        Instant expiresAt = now.plus(validFor);

        ActivationCodeEntity entity = new ActivationCodeEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realm.getId());
        entity.setUserId(resident.getId());
        entity.setCodeHash(hash.hash());
        entity.setSalt(hash.salt());
        entity.setIssuedAt(now.toEpochMilli());
        entity.setExpiresAt(expiresAt.toEpochMilli());
        entity.setFailedAttempts(0);
        entity.setIssuedByStaffId(staffId);
        entity.setIssuedAtBranch(branch);
        em().persist(entity);
        return new IssuedActivationCode(code.value(), expiresAt);
    }

    /**
     * Checks {@code typedCode} (any case, with or without dash or spaces) against the resident's newest
     * code at {@code clock}'s time and records the outcome: a wrong try counts towards the lock, an
     * accepted code is marked used.
     *
     * <p>The change is part of the session's transaction: answer {@code WRONG} and {@code LOCKED} with an
     * ordinary response, not by throwing. Keycloak rolls the transaction back on an exception, which would
     * forget the wrong try and so give a guesser unlimited tries.
     */
    public Redemption redeem(RealmModel realm, UserModel resident, String typedCode, Clock clock) {
        // Locked for update so that parallel tries are counted one after another: without it, many
        // guesses sent at once could each read "4 wrong tries so far" and all be checked.
        List<ActivationCodeEntity> latest = em()
                .createNamedQuery(ActivationCodeEntity.FIND_LATEST_BY_USER, ActivationCodeEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", resident.getId())
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return CodeRedemption.attempt(latest.isEmpty() ? null : latest.get(0), typedCode, clock.instant());
    }

    /** Revokes every code of {@code resident} not yet used, e.g. when the enrolment is cancelled. */
    public void revokeAll(RealmModel realm, UserModel resident) {
        revokeActive(realm, resident, clock.instant());
    }

    private void revokeActive(RealmModel realm, UserModel resident, Instant now) {
        em().createNamedQuery(ActivationCodeEntity.FIND_ACTIVE_BY_USER, ActivationCodeEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", resident.getId())
                .getResultStream()
                .forEach(code -> code.setRevokedAt(now.toEpochMilli()));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
