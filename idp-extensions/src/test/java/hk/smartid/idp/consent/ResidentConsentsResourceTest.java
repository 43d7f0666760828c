package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The row "My data sharing" reads (docs/banking-made-easy.md, GET .../data-sharing/consents). */
class ResidentConsentsResourceTest {

    private static final Instant GRANTED = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-25T02:00:00Z");

    @Test
    void shouldWriteTimesAsIsoInstantsItemsAsScopesAndTheStatusInLowerCase() {
        Consent consent = new Consent("c-1", "u-1", "sample-bank", "account-opening",
                List.of(DataItem.HKID, DataItem.MOBILE), GRANTED, EXPIRES, null);

        ResidentConsentsResource.ConsentRow row = ResidentConsentsResource.ConsentRow.of(consent, Optional.empty(),
                GRANTED.plusSeconds(1));

        assertThat(row.items()).containsExactly("person.hkid", "person.mobile");
        assertThat(row.grantedAt()).isEqualTo("2026-11-25T02:00:00Z");
        assertThat(row.expiresAt()).isEqualTo("2026-12-25T02:00:00Z");
        assertThat(row.revokedAt()).isNull();
        assertThat(row.status()).isEqualTo("active");
    }

    @Test
    void shouldShowARevokedConsentAsRevoked() {
        Consent consent = new Consent("c-1", "u-1", "sample-bank", "account-opening", List.of(DataItem.HKID),
                GRANTED, EXPIRES, GRANTED.plusSeconds(60));

        ResidentConsentsResource.ConsentRow row = ResidentConsentsResource.ConsentRow.of(consent, Optional.empty(),
                GRANTED.plusSeconds(120));

        assertThat(row.revokedAt()).isEqualTo("2026-11-25T02:01:00Z");
        assertThat(row.status()).isEqualTo("revoked");
    }
}
