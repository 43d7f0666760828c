package hk.smartid.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ./run.sh register-bank} prints for SmartID's answers, read with a JSON parser. */
class BankOnboardingOutcomeTest {

    @Test
    void shouldListEachRefusedFieldWithItsReasonEvenWithQuotesAndBracesInIt() {
        BankOnboarding.Outcome refused = new BankOnboarding.Outcome(400, """
                {"fields": {"redirectUris": "must be https: \\"http://x\\" is not", "jwks": "key {sig-1} has a private part"}}""");

        assertThat(refused.registered()).isFalse();
        assertThat(refused.describe()).isEqualTo("""
                Not registered: SmartID refused these fields (400):
                  redirectUris: must be https: "http://x" is not
                  jwks: key {sig-1} has a private part""");
    }

    @Test
    void shouldShowAnAnswerThatIsNotJsonAsItCame() {
        assertThat(new BankOnboarding.Outcome(400, "Bad Request").describe())
                .isEqualTo("Not registered: SmartID refused these fields (400): Bad Request");
        assertThat(new BankOnboarding.Outcome(201, "{\"clientId\":\"b\"}").describe()).isEqualTo("Registered: {\"clientId\":\"b\"}");
    }
}
