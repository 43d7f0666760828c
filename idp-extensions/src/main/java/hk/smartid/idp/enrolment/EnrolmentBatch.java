package hk.smartid.idp.enrolment;

import java.util.List;

/**
 * Residents whose identity a register has already checked (the HKID register's own data, or a synthetic population
 * seeding a realm), enrolled together in one transaction through {@code POST /realms/smartid/enrolment/batches}.
 */
public record EnrolmentBatch(List<EnrolmentRequest> residents) {

    /** The most residents one batch (one transaction) may hold. */
    static final int MAX_RESIDENTS = 1_000;
}
