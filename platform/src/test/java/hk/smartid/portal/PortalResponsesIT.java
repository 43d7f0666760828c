package hk.smartid.portal;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as the launcher deploys it (Payara domain made by {@code PayaraServer}, the EAR at the root), asked
 * over a plain socket exactly as an outside checker asks: no answer names the server, its version or the JDK, and
 * the session cookie stays off cross-site requests.
 */
@ExtendWith(RunningPlatform.class)
class PortalResponsesIT {

    private final URI portal;

    PortalResponsesIT(Platform platform) {
        this.portal = platform.settings().portalUrl();
    }

    @Test
    void shouldNameNeitherServerNorVersionInAnyAnswer() throws Exception {
        assertAnonymous(get("/"), 200);
        assertAnonymous(get("/no-such-page"), 404);
        assertAnonymous(get("/activity"), 302); // protected: off to the IdP
        assertAnonymous(request("POST /index.xhtml HTTP/1.1", "Content-Type: application/x-www-form-urlencoded",
                "languageForm=languageForm&languageForm%3Aen=English&jakarta.faces.ViewState=-1%3A-1"), 500);
    }

    @Test
    void shouldKeepSessionCookieOffCrossSiteRequestsAndFromScripts() throws Exception {
        List<String> cookies = headers(get("/")).stream().filter(line -> line.startsWith("set-cookie: JSESSIONID=")).toList();

        assertThat(cookies).hasSize(1);
        assertThat(cookies.get(0)).contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    }

    private static void assertAnonymous(String answer, int status) {
        assertThat(status(answer)).as(answer).isEqualTo(status);
        assertThat(headers(answer)).as(answer)
                .noneMatch(line -> line.startsWith("server:") || line.startsWith("x-powered-by:"));
        assertThat(answer).doesNotContain("Payara", "GlassFish", "Grizzly", "Java/", "JDK");
    }

    private String get(String rawPath) throws IOException {
        return request("GET " + rawPath + " HTTP/1.1", null, null);
    }

    private String request(String requestLine, String contentType, String body) throws IOException {
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: ").append(portal.getAuthority())
                    .append("\r\nConnection: close\r\n");
            if (body != null) {
                head.append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        assertThat(answer).as("an HTTP answer").startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** Header lines with lower-cased names. */
    private static List<String> headers(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return answer.substring(answer.indexOf("\r\n") + 2, end < 0 ? answer.length() : end).lines()
                .map(line -> line.indexOf(':') < 0 ? line
                        : line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT) + line.substring(line.indexOf(':')))
                .toList();
    }
}
