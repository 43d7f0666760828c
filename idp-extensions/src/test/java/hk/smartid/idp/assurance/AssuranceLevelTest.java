package hk.smartid.idp.assurance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AssuranceLevelTest {

    @Test
    void shouldReadVerifiedAttribute() {
        assertThat(AssuranceLevel.ofAttribute("loa-verified")).isEqualTo(AssuranceLevel.VERIFIED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"loa-basic", "LOA-VERIFIED", "verified", "2"})
    void shouldTreatAnythingElseAsBasic(String attribute) {
        assertThat(AssuranceLevel.ofAttribute(attribute)).isEqualTo(AssuranceLevel.BASIC);
    }

    @Test
    void shouldAssertTheAcrNamesTheRealmMaps() {
        assertThat(AssuranceLevel.BASIC.acr()).isEqualTo("loa-basic");
        assertThat(AssuranceLevel.VERIFIED.acr()).isEqualTo("loa-verified");
    }
}
