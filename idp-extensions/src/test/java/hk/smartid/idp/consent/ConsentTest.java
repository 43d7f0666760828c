package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentTest {

    private static final Instant GRANTED = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-25T02:00:00Z");

    private static Consent consent(Instant revokedAt) {
        return new Consent("c-1", "u-1", "sample-bank", "account-opening", List.of(DataItem.HKID), GRANTED, EXPIRES,
                revokedAt);
    }

    @Test
    void shouldBeActiveUntilTheMomentItExpires() {
        assertThat(consent(null).statusAt(GRANTED)).isEqualTo(Consent.Status.ACTIVE);
        assertThat(consent(null).statusAt(EXPIRES.minusMillis(1))).isEqualTo(Consent.Status.ACTIVE);
        assertThat(consent(null).statusAt(EXPIRES)).isEqualTo(Consent.Status.EXPIRED);
    }

    @Test
    void shouldStayRevokedOnceRevokedEvenAfterItWouldHaveExpired() {
        Consent revoked = consent(GRANTED.plusSeconds(60));
        assertThat(revoked.statusAt(GRANTED.plusSeconds(120))).isEqualTo(Consent.Status.REVOKED);
        assertThat(revoked.statusAt(EXPIRES.plusSeconds(1))).isEqualTo(Consent.Status.REVOKED);
    }
}
