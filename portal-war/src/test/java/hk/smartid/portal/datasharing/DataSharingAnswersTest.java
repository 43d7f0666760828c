package hk.smartid.portal.datasharing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IdP's answers to {@code GET /data-sharing/consents} and {@code GET /data-sharing/disclosures}, as
 * {@code docs/banking-made-easy.md} documents them, read with Yasson (the JSON-B of Payara) into what
 * "My data sharing" shows, and the status each consent is shown with.
 */
class DataSharingAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private static final String SAMPLE_BANK = "\"clientId\":\"sample-bank\","
            + "\"bankName\":{\"en\":\"Sample Bank\",\"zh-HK\":\"示範銀行\",\"zh-CN\":\"示范银行\"}";
    private static final String ACTIVE = "{\"id\":\"c-1\"," + SAMPLE_BANK + ",\"purpose\":\"account-opening\","
            + "\"purposeStatement\":{\"en\":\"To open a bank account for you\",\"zh-HK\":\"為您開立銀行戶口\","
            + "\"zh-CN\":\"为您开立银行账户\"},\"items\":[\"person.name_en\",\"person.hkid\",\"person.email\"],"
            + "\"grantedAt\":\"2026-11-20T10:15:00+08:00\",\"expiresAt\":\"2026-12-20T02:15:00Z\","
            + "\"revokedAt\":null,\"status\":\"active\"}";

    private static Jsonb jsonb;

    @BeforeAll
    static void createJsonb() {
        jsonb = JsonbBuilder.create();
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    private static Optional<List<Consent>> consents(String json) {
        return MyDataSharing.consents(jsonb.fromJson(json, MyDataSharing.ConsentBody[].class), NOW);
    }

    private static Consent consent(String json) {
        return consents("[" + json + "]").orElseThrow().get(0);
    }

    private static Optional<List<Disclosure>> disclosures(String json) {
        return MyDataSharing.disclosures(jsonb.fromJson(json, MyDataSharing.DisclosureBody[].class),
                new LogInclusion(new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet())));
    }

    @Nested
    class Consents {

        @Test
        void shouldMapEveryFieldOfAConsent() {
            Consent consent = consent(ACTIVE);

            assertThat(consent.id()).isEqualTo("c-1");
            assertThat(consent.clientId()).isEqualTo("sample-bank");
            assertThat(consent.purpose()).isEqualTo("account-opening");
            assertThat(consent.items()).containsExactly("person.name_en", "person.hkid", "person.email");
            assertThat(consent.grantedAt()).isEqualTo(Instant.parse("2026-11-20T02:15:00Z"));
            assertThat(consent.expiresAt()).isEqualTo(Instant.parse("2026-12-20T02:15:00Z"));
            assertThat(consent.revokedAt()).isNull();
            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.revocable()).isTrue();
        }

        @Test
        void shouldGiveTheBankNameAndPurposeInTheReadersLanguage() {
            Consent consent = consent(ACTIVE);

            assertThat(consent.bankNameIn("en")).isEqualTo("Sample Bank");
            assertThat(consent.bankNameIn("zh-HK")).isEqualTo("示範銀行");
            assertThat(consent.bankNameIn("zh-CN")).isEqualTo("示范银行");
            assertThat(consent.purposeStatementIn("zh-HK")).isEqualTo("為您開立銀行戶口");
            assertThat(consent.purposeStatementIn("zh-CN")).isEqualTo("为您开立银行账户");
        }

        @Test
        void shouldFallBackToEnglishThenToTheClientIdForAMissingName() {
            Consent englishOnly = consent(ACTIVE.replace(SAMPLE_BANK,
                    "\"clientId\":\"hk-bank\",\"bankName\":{\"en\":\"HK Bank\",\"zh-HK\":null,\"zh-CN\":\" \"}"));
            assertThat(englishOnly.bankNameIn("zh-HK")).isEqualTo("HK Bank");
            assertThat(englishOnly.bankNameIn("zh-CN")).isEqualTo("HK Bank");

            Consent nameless = consent(ACTIVE.replace(SAMPLE_BANK, "\"clientId\":\"hk-bank\""));
            assertThat(nameless.bankNameIn("zh-HK")).isEqualTo("hk-bank");
        }

        @Test
        void shouldKeepTheIdpsOrderNewestFirst() {
            List<Consent> consents = consents("[" + ACTIVE.replace("c-1", "c-2") + "," + ACTIVE + "]").orElseThrow();

            assertThat(consents).extracting(Consent::id).containsExactly("c-2", "c-1");
        }

        @Test
        void shouldReadNoConsentsAsAnEmptyList() {
            assertThat(consents("[]")).hasValue(List.of());
        }

        @Test
        void shouldShowARevokedConsentAsRevokedAndNotRevocable() {
            Consent revoked = consent(ACTIVE.replace("\"revokedAt\":null", "\"revokedAt\":\"2026-11-25T09:00:00Z\"")
                    .replace("\"active\"", "\"revoked\""));

            assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(revoked.revokedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
            assertThat(revoked.revocable()).isFalse();
        }

        @Test
        void shouldShowAnExpiredConsentAsExpiredAndNotRevocable() {
            Consent expired = consent(ACTIVE.replace("2026-12-20T02:15:00Z", "2026-11-30T02:15:00Z")
                    .replace("\"active\"", "\"expired\""));

            assertThat(expired.status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(expired.revocable()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"id\":\"c-1\",", "\"grantedAt\":\"2026-11-20T10:15:00+08:00\","})
        void shouldNotShowPartOfAnAnswerThatLacksARequiredField(String field) {
            assertThat(consents("[" + ACTIVE + "," + ACTIVE.replace(field, "") + "]")).isEmpty();
        }

        @Test
        void shouldNotShowAnAnswerWithAnUnreadableTimeOrANullEntry() {
            assertThat(consents("[" + ACTIVE.replace("2026-12-20T02:15:00Z", "next month") + "]")).isEmpty();
            assertThat(consents("[" + ACTIVE + ",null]")).isEmpty();
        }
    }

    @Nested
    class Status {

        private static final Instant EXPIRES = NOW.plusSeconds(3600);

        @Test
        void shouldBeActiveWhenTheIdpSaysSoAndItHasNotExpired() {
            assertThat(ConsentStatus.of("active", EXPIRES, null, NOW)).isEqualTo(ConsentStatus.ACTIVE);
        }

        @Test
        void shouldBeExpiredFromTheMomentOfExpiryEvenIfTheIdpStillSaidActive() {
            assertThat(ConsentStatus.of("active", NOW, null, NOW)).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(ConsentStatus.of("active", NOW.minusSeconds(1), null, NOW)).isEqualTo(ConsentStatus.EXPIRED);
        }

        @Test
        void shouldBeExpiredWhenTheIdpSaysSoBeforeThisClockDoes() {
            assertThat(ConsentStatus.of("expired", EXPIRES, null, NOW)).isEqualTo(ConsentStatus.EXPIRED);
        }

        @Test
        void shouldBeRevokedWhenRevokedEvenIfAlsoExpired() {
            assertThat(ConsentStatus.of("revoked", NOW.minusSeconds(1), NOW.minusSeconds(60), NOW))
                    .isEqualTo(ConsentStatus.REVOKED);
            assertThat(ConsentStatus.of("active", EXPIRES, NOW.minusSeconds(60), NOW)).isEqualTo(ConsentStatus.REVOKED);
            assertThat(ConsentStatus.of("revoked", EXPIRES, null, NOW)).isEqualTo(ConsentStatus.REVOKED);
        }

        @Test
        void shouldHaveWordsForEveryStatusInEveryLanguage() {
            for (String language : new String[] {"en", "zh-HK", "zh-CN"}) {
                ResourceBundle bundle = bundle(language);
                for (ConsentStatus status : ConsentStatus.values()) {
                    assertThat(bundle.getString(status.messageKey())).as(language + " " + status).isNotBlank();
                }
            }
            assertThat(bundle("en").getString(ConsentStatus.REVOKED.messageKey())).isEqualTo("Revoked");
        }
    }

    @Nested
    class Disclosures {

        private static final String DISCLOSURE = "{\"id\":\"8f14e45f-ceea-467a-9575-3f2c1c2f9a10\","
                + "\"at\":\"2026-11-20T02:16:30Z\"," + SAMPLE_BANK + ",\"purpose\":\"account-opening\","
                + "\"items\":[\"person.hkid\",\"person.birthdate\"]}";

        @Test
        void shouldMapEveryFieldOfADisclosure() {
            Disclosure disclosure = disclosures("[" + DISCLOSURE + "]").orElseThrow().get(0);

            assertThat(disclosure.id()).isEqualTo("8f14e45f-ceea-467a-9575-3f2c1c2f9a10");
            assertThat(disclosure.at()).isEqualTo(Instant.parse("2026-11-20T02:16:30Z"));
            assertThat(disclosure.clientId()).isEqualTo("sample-bank");
            assertThat(disclosure.bankNameIn("zh-HK")).isEqualTo("示範銀行");
            assertThat(disclosure.purpose()).isEqualTo("account-opening");
            assertThat(disclosure.items()).containsExactly("person.hkid", "person.birthdate");
            // No log entry or proof in this answer: nothing the portal could check.
            assertThat(disclosure.log().state()).isEqualTo(LogStatus.State.FAILED);
        }

        @Test
        void shouldReadNoDisclosuresAsAnEmptyListAndAnIncompleteOneAsNoAnswer() {
            assertThat(disclosures("[]")).hasValue(List.of());
            assertThat(disclosures("[" + DISCLOSURE.replace("\"at\":\"2026-11-20T02:16:30Z\",", "") + "]")).isEmpty();
        }
    }

    @Nested
    class Words {

        /** The eight data items of docs/banking-made-easy.md. */
        private static final String[] DATA_ITEMS = {"person.name_en", "person.name_zh", "person.hkid",
                "person.birthdate", "person.gender", "person.address", "person.mobile", "person.email"};

        @ParameterizedTest
        @ValueSource(strings = {"en", "zh-HK", "zh-CN"})
        void shouldNameEveryDataItem(String language) {
            ResourceBundle bundle = bundle(language);
            for (String item : DATA_ITEMS) {
                assertThat(bundle.containsKey("dataSharing.item." + item)).as(language + " " + item).isTrue();
            }
            assertThat(bundle("en").getString("dataSharing.item.person.hkid")).isEqualTo("HKID number");
        }

        @ParameterizedTest
        @ValueSource(strings = {"en", "zh-HK", "zh-CN"})
        void shouldPutTheBankNameIntoEveryMessageAboutRevoking(String language) {
            ResourceBundle bundle = bundle(language);
            for (String key : new String[] {"dataSharing.revoke.button", "dataSharing.revoke.title",
                    "dataSharing.revoke.effect", "dataSharing.revoke.kept", "dataSharing.revoke.done",
                    "dataSharing.revoke.failed"}) {
                String text = new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language))
                        .format(new Object[] {"Sample Bank"});
                assertThat(text).as(language + " " + key).contains("Sample Bank").doesNotContain("{0}");
            }
        }
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle("hk.smartid.portal.i18n.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
