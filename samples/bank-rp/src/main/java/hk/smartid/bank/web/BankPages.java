package hk.smartid.bank.web;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import hk.smartid.bank.keys.BankKeys;
import hk.smartid.bank.payments.BillPayment;
import hk.smartid.bank.smartid.ReleasedPerson;
import hk.smartid.bank.smartid.SmartIdClient;
import hk.smartid.bank.smartid.SmartIdFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank's web pages: home, the SmartID round trip, the pre-filled account form, the JWKS, and paying a GovHK
 * e-service fee by FPS (the bank as the payer's bank).
 */
public final class BankPages implements HttpHandler {

    /** The form's fields in reading order, named by the person-data claim that fills them. */
    static final List<String> FIELDS = List.of("name_en.surname", "name_en.given_names", "name_zh", "hkid_number",
            "birthdate", "gender", "residential_address", "mobile_number", "email");

    private static final System.Logger LOG = System.getLogger(BankPages.class.getName());
    private static final String VISIT_COOKIE = "bank_visit";
    private static final String LANGUAGE_COOKIE = "bank_lang";
    private static final Duration VISIT_IDLE_LIMIT = Duration.ofMinutes(30);

    private final SmartIdClient smartId;
    private final BankKeys keys;
    /** Null when the bank was given no payment secret: it then pays no bills. */
    private final BillPayment billPayment;
    private final Map<String, Visit> visits = new ConcurrentHashMap<>();

    public BankPages(SmartIdClient smartId, BankKeys keys, BillPayment billPayment) {
        this.smartId = smartId;
        this.keys = keys;
        this.billPayment = billPayment;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            Language language = language(exchange);
            switch (path) {
                case "/" -> html(exchange, 200, home(language));
                case "/open-account" -> openAccount(exchange, language);
                case "/callback" -> callback(exchange);
                case "/account" -> {
                    if (post) {
                        fetchAgain(exchange);
                    } else {
                        account(exchange, language);
                    }
                }
                case "/account/apply" -> apply(exchange);
                case "/pay-bill" -> {
                    if (post) {
                        payBill(exchange, language);
                    } else {
                        html(exchange, 200, BillForm.render(language, visit(exchange).formToken(), "", "", null));
                    }
                }
                case "/applied", "/declined", "/refused", "/problem" -> html(exchange, 200, notice(language, path));
                case "/jwks.json" -> send(exchange, 200, "application/jwk-set+json",
                        keys.publicJwks().toString(true));
                case "/bank.css" -> stylesheet(exchange);
                default -> html(exchange, 404, notice(language, "/problem"));
            }
        } catch (RuntimeException e) {
            // Logged for the bank; the person gets a plain page, never a stack trace.
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure on " + exchange.getRequestURI().getPath(), e);
            redirect(exchange, "/problem");
        }
    }

    private String home(Language language) {
        ResourceBundle text = language.messages();
        return Html.page(language, "/", "home.heading", Html.paragraph(text, "home.intro")
                + Html.paragraph(text, "home.need")
                + "<p><a class=\"button\" id=\"open-account\" href=\"/open-account\">" + Html.escape(text.getString("home.open")) + "</a></p>"
                + "<p><a id=\"pay-bill-link\" href=\"/pay-bill\">" + Html.escape(text.getString("home.payBill")) + "</a></p>");
    }

    private void openAccount(HttpExchange exchange, Language language) throws IOException {
        Visit visit = visit(exchange);
        SmartIdClient.PendingLogin pending = new SmartIdClient.PendingLogin(new State(), new Nonce(), new CodeVerifier());
        visit.begin(pending);
        try {
            redirect(exchange, smartId.begin(pending, language.tag()).toString());
        } catch (SmartIdFailure e) {
            LOG.log(System.Logger.Level.WARNING, "Could not start with SmartID: " + e.getMessage());
            redirect(exchange, "/problem");
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        Visit visit = existingVisit(exchange);
        URI callback = exchange.getRequestURI();
        try {
            SmartIdClient.PendingLogin pending = visit == null ? null : visit.takePendingLogin();
            SmartIdClient.SignedIn signedIn = smartId.finish(callback, pending);
            visit.signedIn(signedIn, smartId.fetchPerson(signedIn));
            redirect(exchange, "/account");
        } catch (SmartIdFailure e) {
            LOG.log(System.Logger.Level.WARNING, "Account opening with SmartID stopped: " + e.getMessage());
            redirect(exchange, switch (e.kind()) {
                case DECLINED -> "/declined";
                case REFUSED -> "/refused";
                case UNTRUSTED, UNAVAILABLE -> "/problem";
            });
        }
    }

    private void account(HttpExchange exchange, Language language) throws IOException {
        Visit visit = existingVisit(exchange);
        if (visit != null && visit.wasRefused()) {
            html(exchange, 200, notice(language, "/refused"));
            return;
        }
        ReleasedPerson person = visit == null ? null : visit.person();
        if (person == null) {
            redirect(exchange, "/");
            return;
        }
        html(exchange, 200, AccountForm.render(language, person, visit.formToken()));
    }

    /** "Fetch my data again": the same token, a fresh call; SmartID refuses once the consent is revoked. */
    private void fetchAgain(HttpExchange exchange) throws IOException {
        Visit visit = existingVisit(exchange);
        if (visit == null || visit.signedIn() == null || !visit.formTokenMatches(form(exchange).get("formToken"))) {
            redirect(exchange, "/");
            return;
        }
        try {
            visit.released(smartId.fetchPerson(visit.signedIn()));
        } catch (SmartIdFailure e) {
            LOG.log(System.Logger.Level.WARNING, "Fetching the person data again failed: " + e.getMessage());
            if (e.kind() != SmartIdFailure.Kind.REFUSED) {
                redirect(exchange, "/problem");
                return;
            }
            visit.refused();
        }
        redirect(exchange, "/account");
    }

    /** A real bank would open the account here; the sample only thanks the person. */
    private void apply(HttpExchange exchange) throws IOException {
        Visit visit = existingVisit(exchange);
        if (!"POST".equals(exchange.getRequestMethod()) || visit == null
                || !visit.formTokenMatches(form(exchange).get("formToken"))) {
            redirect(exchange, "/");
            return;
        }
        redirect(exchange, "/applied");
    }

    /**
     * Pays the bill named in the form and shows what the portal answered. The form token keeps other sites from
     * making a visitor pay.
     */
    private void payBill(HttpExchange exchange, Language language) throws IOException {
        Visit visit = existingVisit(exchange);
        Map<String, String> form = form(exchange);
        if (visit == null || !visit.formTokenMatches(form.get("formToken"))) {
            redirect(exchange, "/pay-bill");
            return;
        }
        String reference = form.getOrDefault("reference", "").trim();
        String amountText = form.getOrDefault("amount", "").trim();
        java.math.BigDecimal amount = BillForm.amount(amountText);
        if (reference.isEmpty() || amount == null) {
            html(exchange, 400, BillForm.render(language, visit.formToken(), reference, amountText, "bill.invalid"));
            return;
        }
        if (billPayment == null) {
            html(exchange, 503, BillForm.outcome(language, "bill.unavailable"));
            return;
        }
        try {
            BillPayment.Outcome outcome = billPayment.pay(reference, amount);
            LOG.log(System.Logger.Level.INFO, "Bill " + reference + " paid, portal answered " + outcome.status()
                    + (outcome.error() == null ? "" : " " + outcome.error()));
            html(exchange, 200, BillForm.outcome(language, switch (outcome.status()) {
                case 200 -> "bill.paid";
                case 404 -> "bill.unknown";
                case 422 -> "bill.mismatch";
                default -> "bill.failed";
            }));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "The portal could not be notified of a bill payment: " + e.getMessage());
            html(exchange, 200, BillForm.outcome(language, "bill.failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            html(exchange, 200, BillForm.outcome(language, "bill.failed"));
        }
    }

    private String notice(Language language, String path) {
        String name = path.substring(1);
        ResourceBundle text = language.messages();
        String body = "<div class=\"notice\" id=\"notice-" + name + "\" role=\"status\">" + Html.paragraph(text, name + ".text") + "</div>"
                + "<p><a class=\"button\" href=\"/\">" + Html.escape(text.getString("back.home")) + "</a></p>";
        return Html.page(language, path, name + ".title", body);
    }

    private void stylesheet(HttpExchange exchange) throws IOException {
        try (InputStream css = BankPages.class.getResourceAsStream("bank.css")) {
            send(exchange, 200, "text/css; charset=utf-8", new String(css.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** {@code ?lang=} chooses and remembers the language; else the cookie; else the browser's preference. */
    private static Language language(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("lang=")) {
                    var chosen = Language.ofTag(parameter.substring(5));
                    if (chosen.isPresent()) {
                        exchange.getResponseHeaders().add("Set-Cookie", LANGUAGE_COOKIE + "=" + chosen.get().tag()
                                + "; Path=/; Max-Age=31536000; SameSite=Lax");
                        return chosen.get();
                    }
                }
            }
        }
        String remembered = cookies(exchange).get(LANGUAGE_COOKIE);
        return Language.ofTag(remembered).orElseGet(() ->
                Language.preferred(exchange.getRequestHeaders().getFirst("Accept-Language")));
    }

    private Visit visit(HttpExchange exchange) {
        Visit existing = existingVisit(exchange);
        if (existing != null) {
            return existing;
        }
        Instant idleLimit = Instant.now().minus(VISIT_IDLE_LIMIT);
        visits.values().removeIf(visit -> visit.idleSince(idleLimit));
        String id = Visit.randomToken();
        Visit visit = new Visit();
        visits.put(id, visit);
        // Lax: the browser still sends it when SmartID redirects back to /callback (a top-level GET).
        exchange.getResponseHeaders().add("Set-Cookie", VISIT_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
        return visit;
    }

    private Visit existingVisit(HttpExchange exchange) {
        String id = cookies(exchange).get(VISIT_COOKIE);
        Visit visit = id == null ? null : visits.get(id);
        if (visit != null) {
            visit.seen();
        }
        return visit;
    }

    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                int equals = cookie.indexOf('=');
                if (equals > 0) {
                    cookies.put(cookie.substring(0, equals).trim(), cookie.substring(equals + 1).trim());
                }
            }
        }
        return cookies;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", page);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        securityHeaders(exchange);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        securityHeaders(exchange);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * No caching of personal data, no framing, no scripts at all, and no Referer: the callback's address holds the
     * authorization code, which must not leak to another site.
     */
    private static void securityHeaders(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
