package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SecurityHeadersFilter} on a page and on an error page. */
@RunAsClient
class SecurityHeadersIT extends AbstractPortalIT {

    @Test
    void shouldSendSecurityHeadersWithHomePage() throws Exception {
        HttpResponse<String> home = get(newBrowser(), "");

        assertThat(home.statusCode()).isEqualTo(200);
        assertSecurityHeaders(home.headers());
    }

    @Test
    void shouldSendSecurityHeadersWithNotFoundPage() throws Exception {
        HttpResponse<String> missing = get(newBrowser(), "no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertSecurityHeaders(missing.headers());
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(headers.firstValue("Referrer-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .isIn("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"));
    }
}
