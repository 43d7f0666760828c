package hk.smartid.portal.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How the portal's JSON APIs (chat, payment notifications) answer: status and body set directly, since sendError
 * would hand the answer to the portal's HTML error page; UTF-8, never cached.
 */
public final class JsonAnswer {

    private JsonAnswer() {
    }

    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
