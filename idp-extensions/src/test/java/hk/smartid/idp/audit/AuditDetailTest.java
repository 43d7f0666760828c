package hk.smartid.idp.audit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDetailTest {

    @Nested
    class IdentityData {

        @ParameterizedTest
        @ValueSource(strings = {
                "searched A123456(3)", "hkid a1234563", "AB987654(3) already enrolled", "Z 000000 1",
                "born 1990-01-02", "dob 02/01/1990", "mobile 9123 4567", "phone 91234567", "mail chan@example.hk"})
        void shouldWithholdADetailThatLooksLikeIdentityData(String detail) {
            assertThat(AuditDetail.sanitise(detail)).isEqualTo(AuditDetail.WITHHELD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"check digit wrong", "step-up required", "code re-issued, old one revoked", "branch HK01 closed", "3 results",
                "login older than 300 s", "session fcfea421-3045-497c-9f4b-e4a89a94b634 ended"})
        void shouldKeepAnOrdinaryDetail(String detail) {
            assertThat(AuditDetail.sanitise(detail)).isEqualTo(detail);
        }
    }

    @Nested
    class Shape {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\n"})
        void shouldStoreNothingForNoDetail(String detail) {
            assertThat(AuditDetail.sanitise(detail)).isNull();
        }

        @Test
        void shouldKeepADetailOnOneLine() {
            assertThat(AuditDetail.sanitise("refused\nby rule\t7")).isEqualTo("refused by rule 7");
        }

        @Test
        void shouldCutALongDetailToTheColumn() {
            String cut = AuditDetail.sanitise("x".repeat(400));

            assertThat(cut).hasSize(AuditDetail.MAX_LENGTH).endsWith("...");
        }
    }
}
