package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SecurityHeadersFilter} on a page and on an error page; the session cookie's attributes (web.xml
 * {@code <cookie-config>}); and nothing naming the server or its version in any answer (the Payara domain's
 * HTTP settings, see {@code portal-war/pom.xml}).
 */
@RunAsClient
class SecurityHeadersIT extends AbstractPortalIT {

    /** HTTPS listener of the test domain (portbase 48000 + 81), with Payara's self-signed certificate. */
    private static final int HTTPS_PORT = 48081;

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
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(trustingPayarasOwnCertificate())
                .build();
        URI https = new URI("https", null, portal.getHost(), HTTPS_PORT, uri("").getPath(), null, null);

        HttpResponse<String> home = send(browser, request(https).GET().build());

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

    /** The test domain's HTTPS listener has a self-signed certificate for the machine's name; this test only reads cookies. */
    private static SSLContext trustingPayarasOwnCertificate() throws Exception {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{trustAll}, null);
        return context;
    }
}
