package hk.smartid.portal.developers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationStateTest {

    @Test
    void onlyALiveIntegrationMayBeDisabledAndOnlyADisabledOneEnabled() {
        assertThat(Arrays.stream(IntegrationState.values()).filter(state -> state.maySwitchTo(false)))
                .containsExactly(IntegrationState.APPROVED);
        assertThat(Arrays.stream(IntegrationState.values()).filter(state -> state.maySwitchTo(true)))
                .containsExactly(IntegrationState.DISABLED);
    }

    @Test
    void aDisabledIntegrationCannotAskToGoLiveAgain() {
        assertThat(IntegrationState.DISABLED.mayRequestGoLive()).isFalse();
    }
}
