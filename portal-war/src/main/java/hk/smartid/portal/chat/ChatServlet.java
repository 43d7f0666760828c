package hk.smartid.portal.chat;

import hk.smartid.chatbot.answer.ChatAnswer;
import hk.smartid.chatbot.answer.Chatbot;
import hk.smartid.chatbot.answer.Question;
import hk.smartid.chatbot.language.Language;
import hk.smartid.portal.applications.Applications;
import hk.smartid.portal.catalogue.PortalCatalogue;
import hk.smartid.portal.login.SignedInResident;
import hk.smartid.portal.notifications.Notifications;
import hk.smartid.portal.web.JsonAnswer;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * {@code POST /api/chat}: the chat widget's questions, answered by {@link PortalChatbot}. JSON in and out
 * (JSON-B); the answer's fields are those of {@link ChatAnswer}, {@code serviceId} null when no service is meant.
 *
 * <p>Cross-site request forgery: only the portal's own pages may call it. A request must carry the header
 * {@value #HEADER} and {@code Content-Type: application/json}, which a form or a link on another site cannot send
 * and a script on another site can send only after a CORS preflight this servlet never approves; and when the
 * browser names where the request comes from ({@code Origin}, {@code Sec-Fetch-Site}), it must be the portal
 * itself. Anything else is refused with 403 before the message is read. The conversation (context of follow-up
 * questions) is keyed by a random id in the HTTP session, which is also how a signed-in resident is known: their
 * own applications and messages ({@link OwnRecords}) answer "status of my application" and "any new messages".
 * Each answered question is kept, redacted, in the {@link ChatTranscripts} for as long as they are configured to last.
 */
@WebServlet(urlPatterns = ChatServlet.PATH)
public class ChatServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/api/chat";
    static final String HEADER = "X-SmartID-Chat";
    /** A message is at most 1,000 characters; the body's limit leaves room for JSON escapes. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String CONVERSATION = ChatServlet.class.getName() + ".conversation";
    private static final Logger LOG = Logger.getLogger(ChatServlet.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    transient PortalChatbot chatbot;

    @Inject
    transient SignedInResident resident;

    @Inject
    transient Applications applications;

    @Inject
    transient Notifications notifications;

    @Inject
    transient PortalCatalogue catalogue;

    @Inject
    transient ChatTranscripts transcripts;

    @Inject
    @ConfigProperty(name = "smartid.portal.url")
    transient Optional<String> portalUrl;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(HEADER) == null || !sameOrigin(request)) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "forbidden");
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "json_required");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too_large");
            return;
        }
        ChatRequest chat;
        try {
            chat = JSON.fromJson(new String(body, StandardCharsets.UTF_8), ChatRequest.class);
        } catch (JsonbException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "malformed_json");
            return;
        }
        if (chat == null) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "malformed_json");
            return;
        }
        if (chat.getLang() != null && Language.fromTag(chat.getLang()).isEmpty()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "unknown_lang");
            return;
        }
        Optional<Chatbot> ready = chatbot.chatbot();
        if (ready.isEmpty()) {
            response.setHeader("Retry-After", "10");
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "starting");
            return;
        }
        String conversation = conversation(request.getSession());
        ChatAnswer answer = ready.get().ask(new Question(chat.getMessage(), chat.getLang(), conversation,
                resident.subject().map(subject -> new OwnRecords(subject, applications, notifications, catalogue)).orElse(null)));
        try {
            transcripts.keep(conversation, chat.getMessage(), answer);
        } catch (RuntimeException e) {
            // the resident still gets the answer; the reason only, never the message
            LOG.warning(() -> "Chat transcript not kept: " + e.getClass().getName());
        }
        JsonAnswer.write(response, HttpServletResponse.SC_OK, JSON.toJson(answer));
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String own = request.getScheme() + "://" + request.getHeader("Host");
        return origin.equals(own) || portalUrl.map(url -> origin.equals(originOf(url))).orElse(false);
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String conversation(HttpSession session) {
        Object id = session.getAttribute(CONVERSATION);
        if (id instanceof String known) {
            return known;
        }
        String fresh = UUID.randomUUID().toString();
        session.setAttribute(CONVERSATION, fresh);
        return fresh;
    }

    private static void error(HttpServletResponse response, int status, String code) throws IOException {
        JsonAnswer.write(response, status, JSON.toJson(Map.of("error", code)));
    }
}
