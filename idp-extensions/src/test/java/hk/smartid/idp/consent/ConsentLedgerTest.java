package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a row of SMARTID_CONSENT reads back; the queries themselves run against Keycloak's database in the platform tests. */
class ConsentLedgerTest {

    @Test
    void shouldStoreItemsAsSpaceSeparatedScopesAndReadThemBack() {
        List<DataItem> items = List.of(DataItem.NAME_EN, DataItem.HKID, DataItem.EMAIL);
        assertThat(ConsentLedger.scopesOf(items)).isEqualTo("person.name_en person.hkid person.email");
        assertThat(ConsentLedger.itemsOf("person.name_en person.hkid person.email")).isEqualTo(items);
    }

    @Test
    void shouldReadARevokedRowAsRevoked() {
        ConsentEntity row = new ConsentEntity("c-1", "realm-1", "u-1", "sample-bank", "account-opening",
                "person.hkid", 1_000L, 5_000L);
        row.revokeAt(2_000L);
        row.revokeAt(3_000L);

        Consent consent = ConsentLedger.consentOf(row);

        assertThat(consent.revokedAt()).as("the first revocation counts").isEqualTo(Instant.ofEpochMilli(2_000L));
        assertThat(consent.items()).containsExactly(DataItem.HKID);
        assertThat(consent.statusAt(Instant.ofEpochMilli(2_500L))).isEqualTo(Consent.Status.REVOKED);
    }

    @Test
    void shouldReadAnUntouchedRowAsActiveUntilItsExpiry() {
        Consent consent = ConsentLedger.consentOf(new ConsentEntity("c-2", "realm-1", "u-1", "sample-bank",
                "account-opening", "person.birthdate", 1_000L, 5_000L));

        assertThat(consent.revokedAt()).isNull();
        assertThat(consent.grantedAt()).isEqualTo(Instant.ofEpochMilli(1_000L));
        assertThat(consent.statusAt(Instant.ofEpochMilli(4_999L))).isEqualTo(Consent.Status.ACTIVE);
        assertThat(consent.statusAt(Instant.ofEpochMilli(5_000L))).isEqualTo(Consent.Status.EXPIRED);
    }
}
