package hk.smartid.idp.enrolment;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IssuedActivationCodeTest {

    private final IssuedActivationCode issued = new IssuedActivationCode("ABCDEFGH", Instant.parse("2026-12-02T02:00:00Z"));

    @Test
    void shouldShowTheCodeToPeopleWithADash() {
        assertThat(issued.displayCode()).isEqualTo("ABCD-EFGH");
    }

    @Test
    void shouldKeepThePlainCodeOutOfToString() {
        assertThat(issued.toString()).doesNotContain("ABCDEFGH").contains("2026-12-02T02:00:00Z");
    }
}
