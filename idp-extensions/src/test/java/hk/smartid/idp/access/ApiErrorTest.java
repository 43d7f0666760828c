package hk.smartid.idp.access;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorTest {

    @Test
    void shouldAnswerOneShapeWithFieldsOnlyWhenThereAreSome() {
        ApiError invalid = ApiError.invalidFields(Map.of("jwks.keys[0]", "holds private key material (kid k)"));
        ApiError conflict = ApiError.of(Response.Status.CONFLICT, "client_exists", "A client with this clientId exists");

        assertThat(invalid.status()).isEqualTo(Response.Status.BAD_REQUEST);
        assertThat(invalid.body()).containsOnlyKeys("error", "error_description", "fields")
                .containsEntry("error", "invalid_request");
        assertThat(conflict.body()).containsOnlyKeys("error", "error_description");
        assertThat(conflict.challenge()).isEmpty();
    }

    @Test
    void shouldChallengeARefusedTokenInItsSchemeWithTheDetailsAndNothingUnquotable() {
        ApiError stepUp = ApiError.challenge(Response.Status.UNAUTHORIZED, "Bearer", "insufficient_user_authentication",
                "A more recent login is required").with("max_age", 900L);
        ApiError invalid = ApiError.invalidToken("DPoP", "the \"kid\" is unknown\\");

        assertThat(stepUp.challenge()).contains("Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"A more recent login is required\", max_age=900");
        assertThat(stepUp.body()).containsEntry("max_age", 900L);
        assertThat(invalid.status()).isEqualTo(Response.Status.UNAUTHORIZED);
        assertThat(invalid.challenge()).contains("DPoP error=\"invalid_token\", error_description=\"the 'kid' is unknown\"");
    }
}
