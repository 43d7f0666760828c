package hk.smartid.portal;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the portal's integration tests: the real WAR ({@code target/portal.war}, built by {@code package})
 * deployed by Arquillian to a managed Payara Server, and checked from outside over HTTP like a browser would,
 * with {@link HttpClient}. Each subclass looks at one page and the one bean or component behind it.
 *
 * <p>The deployment adds the test configuration {@code portal-it/microprofile-config.properties}: the identity
 * provider's issuer is an unused port, so no IdP is reachable (the platform module's end-to-end tests cover the
 * real login).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class AbstractPortalIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int HTTPS_PORT = 48081;
    private static final Pattern HTML_LANG = Pattern.compile("<html\\b[^>]*\\slang=\"([^\"]*)\"");

    /** Where the portal was deployed, e.g. {@code http://localhost:48080/portal/}. */
    @ArquillianResource
    protected URL portal;

    /** The WAR as {@code package} built it; run as a client only, so Arquillian adds nothing to it. */
    @Deployment(testable = false)
    public static WebArchive deployment() {
        File war = new File(System.getProperty("portal.it.war", "target/portal.war"));
        assertThat(war).as("the portal WAR built by package").isFile();
        return ShrinkWrap.create(ZipImporter.class, "portal.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addAsResource("portal-it/microprofile-config.properties", "META-INF/microprofile-config.properties");
    }

    /** A new "browser": its own cookie jar, following no redirects so that tests see them. */
    protected static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The portal's address for {@code path}, relative to the context root (no leading slash). */
    protected URI uri(String path) {
        try {
            URI base = portal.toURI();
            if (!base.getPath().endsWith("/")) {
                base = new URI(base.getScheme(), base.getAuthority(), base.getPath() + "/", null, null);
            }
            return base.resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new "browser" as {@link #newBrowser()}, for the test domain's HTTPS listener ({@link #httpsUri}). */
    protected static HttpClient newHttpsBrowser() {
        try {
            return HttpClient.newBuilder()
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT)
                    .sslContext(trustingPayarasOwnCertificate())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The portal's address for {@code path} over HTTPS (the test domain's portbase 48000 + 81). */
    protected URI httpsUri(String path) {
        try {
            return new URI("https", null, portal.getHost(), HTTPS_PORT, uri(path).getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test domain's HTTPS listener has a self-signed certificate for the machine's name; the tests only read cookies. */
    private static SSLContext trustingPayarasOwnCertificate() throws GeneralSecurityException {
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

    protected HttpResponse<String> get(HttpClient browser, String path, String... headers)
            throws IOException, InterruptedException {
        return send(browser, request(uri(path), headers).GET().build());
    }

    /** {@link #get} for helpers of the tests outside this class's subclasses. */
    public HttpResponse<String> getPage(HttpClient browser, String path) throws IOException, InterruptedException {
        return get(browser, path);
    }

    protected static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        return headers.length == 0 ? request : request.headers(headers);
    }

    protected static HttpResponse<String> send(HttpClient browser, HttpRequest request)
            throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code GET <context path><rawPath>} exactly as written, over a plain socket, to see every header line
     * as the server wrote it. Returns the whole answer, status line first.
     */
    protected String rawGet(String rawPath) throws IOException {
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            String contextPath = portal.getPath().endsWith("/") ? portal.getPath() : portal.getPath() + "/";
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + contextPath + rawPath + " HTTP/1.1\r\nHost: " + portal.getHost() + ":" + portal.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status code of a raw answer's status line, e.g. 400 of {@code HTTP/1.1 400 Bad Request}. */
    protected static int rawStatus(String answer) {
        assertThat(answer).as("an HTTP answer").startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** The header lines of a raw answer, lower-cased names, e.g. {@code server: ...}. */
    protected static java.util.List<String> rawHeaders(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return answer.substring(answer.indexOf("\r\n") + 2, end < 0 ? answer.length() : end).lines()
                .map(line -> line.indexOf(':') < 0 ? line
                        : line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT) + line.substring(line.indexOf(':')))
                .toList();
    }

    /** A message of the portal's bundle in a language ({@code en}, {@code zh-HK}, {@code zh-CN}), as the page writes it. */
    protected static String message(String languageTag, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle("hk.smartid.portal.i18n.messages",
                Locale.forLanguageTag(languageTag),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return html(bundle.getString(key));
    }

    /** {@code text} escaped as Faces escapes text in HTML. */
    protected static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The portal's friendly error page, with this title, and nothing of the exception behind it. */
    protected static void assertFriendlyErrorPage(HttpResponse<String> response, String titleKey) {
        String body = response.body();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(body)
                .contains("data-testid=\"page-title\"")
                .contains(message("en", titleKey))
                .contains(message("zh-HK", titleKey))
                .contains(message("zh-CN", titleKey));
        assertNoStackTrace(body);
    }

    /**
     * Nothing of an exception or of the server's own error page: no exception class, no stack frame, no
     * {@code jakarta.} class name (the Faces resource URLs, {@code /jakarta.faces.resource/...}, aside).
     */
    protected static void assertNoStackTrace(String body) {
        assertThat(body.replace("/jakarta.faces.resource/", "/"))
                .doesNotContain("Exception", "at hk.smartid", "jakarta.", "java.lang", "Payara Server");
    }

    /** The {@code lang} of the page's {@code <html>} element. */
    protected static String htmlLang(String body) {
        Matcher html = HTML_LANG.matcher(body);
        assertThat(html.find()).as("<html lang> in%n%s", body).isTrue();
        return html.group(1);
    }
}
