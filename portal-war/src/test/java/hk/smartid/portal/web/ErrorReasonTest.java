package hk.smartid.portal.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which message the error page shows, from the error the container dispatched or the Ajax redirect's address. */
class ErrorReasonTest {

    @Test
    void anExpiredViewAnywhereInTheCausesSaysExpired() {
        assertThat(ErrorReason.reasonFor(500, new FacesException(new ViewExpiredException("gone", "/index.xhtml"))))
                .isEqualTo("expired");
        assertThat(ErrorReason.reasonFor(null, new ViewExpiredException("gone", "/index.xhtml"))).isEqualTo("expired");
    }

    @Test
    void statusCodesHaveTheirMessages() {
        assertThat(ErrorReason.reasonFor(400, null)).isEqualTo("400");
        assertThat(ErrorReason.reasonFor(401, null)).isEqualTo("403");
        assertThat(ErrorReason.reasonFor(404, null)).isEqualTo("404");
        assertThat(ErrorReason.reasonFor(500, new IllegalStateException())).isEqualTo("500");
        assertThat(ErrorReason.reasonFor(503, null)).isEqualTo("generic");
    }

    @Test
    void theAjaxRedirectMayNameOnlyTheReasonsItSends() {
        assertThat(ErrorReason.fromQuery("expired")).isEqualTo("expired");
        assertThat(ErrorReason.fromQuery("500")).isEqualTo("500");
        assertThat(ErrorReason.fromQuery("404")).isEqualTo("generic");
        assertThat(ErrorReason.fromQuery("<script>")).isEqualTo("generic");
        assertThat(ErrorReason.fromQuery(null)).isEqualTo("generic");
    }
}
