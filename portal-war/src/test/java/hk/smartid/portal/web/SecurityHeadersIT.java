package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SecurityHeadersFilter} on a page and on an error page; the session cookie's attributes (web.xml
 * {@code <cookie-config>}); and nothing naming the server or its version in any answer (the Payara domain's
 * HTTP settings, see {@code portal-war/pom.xml}).
 */
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

    @Test
    void shouldNameNeitherServerNorVersionInPagesOrErrors() throws Exception {
        assertAnonymous(rawGet(""), 200);
        assertAnonymous(rawGet("no-such-page"), 404);
        assertAnonymous(rawGet("no-such-page.xhtml"), 404);
    }

    @Test
    void shouldNameNeitherServerNorVersionWhenPageFails() throws Exception {
        // A full-page POST with a view state the server never issued: the friendly page with status 500.
        HttpResponse<String> failed = ForgedViewState.post(this, newBrowser(), false);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("Server")
                || name.equalsIgnoreCase("X-Powered-By"));
        assertNoStackTrace(failed.body());
    }

    @Test
    void shouldKeepSessionCookieFromCrossSiteRequestsAndScripts() throws Exception {
        HttpResponse<String> home = get(newBrowser(), "");

        String session = sessionCookie(home);
        assertThat(session).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .doesNotContainIgnoringCase("; Secure");
    }

    @Test
    void shouldMarkSessionCookieSecureOverHttps() throws Exception {
        HttpResponse<String> home = send(newHttpsBrowser(), request(httpsUri("")).GET().build());

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(home)).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("; SameSite=Lax");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> sessions = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();
        assertThat(sessions).as("the session cookie set by %s", response.uri()).hasSize(1);
        return sessions.get(0);
    }

    private static void assertAnonymous(String rawAnswer, int status) {
        assertThat(rawStatus(rawAnswer)).as(rawAnswer).isEqualTo(status);
        assertThat(rawHeaders(rawAnswer)).as(rawAnswer)
                .noneMatch(line -> line.startsWith("server:") || line.startsWith("x-powered-by:"));
        assertThat(rawAnswer).doesNotContain("Payara", "GlassFish", "Grizzly", "Java/", "JDK");
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
