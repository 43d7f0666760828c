package hk.smartid.bench;

import hk.smartid.banking.BrowserlessResident;
import hk.smartid.catalogue.CatalogueEntries;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hk.smartid.catalogue.CatalogueEntries.html;
import static hk.smartid.catalogue.CatalogueEntries.text;

/**
 * Issue 9's figures: the portal's dashboard, service pages and search under load from logged-in residents, beside a
 * static resource of the portal (its style sheet) under the same load as the server's floor. Each resident registered
 * and then logged in with a passkey without a browser ({@link BrowserlessResident}), has its own portal session, its
 * own connection and its own language (en, zh-HK, zh-CN in turn), and asks for the next page as soon as the last one
 * arrived. Every answer is checked to be the page it should be (the resident's name on it, the service's name, search
 * results); anything else counts as an error. Prints BENCHMARK lines with the machine's load average and the CPU time
 * the portal used per request; asserts nothing about speed.
 * {@code ./mvnw -B verify -Pbenchmark -Dit.test=PortalLoadBenchmark}
 */
@ExtendWith(RunningPlatform.class)
class PortalLoadBenchmark {

    private static final int RESIDENTS = Integer.getInteger("bench.portal-residents", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 10);
    private static final List<String> LANGUAGES = List.of("en", "zh-HK", "zh-CN");
    /** As residents type: colloquial Cantonese names, Simplified, English with and without typos. */
    private static final List<String> QUERIES = List.of("生果金", "車牌", "居屋", "续期驾驶执照", "drving licence",
            "renew passport", "公屋", "身份证遗失", "elderly health care voucher", "salaries tax return", "唔見身份證",
            "leisure booking");
    private static final Pattern STYLE_SHEET = Pattern.compile("<link[^>]*href=\"([^\"]*portal\\.css[^\"]*)\"");

    private final Platform platform;
    private final List<Resident> residents = new ArrayList<>();
    private List<Map<String, Object>> services;

    PortalLoadBenchmark(Platform platform) {
        this.platform = platform;
    }

    @Test
    void dashboardServicePageAndSearchUnderLoadBesideAStaticResource() throws Exception {
        services = CatalogueEntries.of(platform).services();
        double loadBefore = CpuTime.loadAverage();
        long setUp = System.nanoTime();
        createLoggedInResidents();
        Latencies.report("portal under load: %d residents registered and logged in with a passkey in %.0f s",
                RESIDENTS, (System.nanoTime() - setUp) / 1e9);
        Matcher styleSheet = STYLE_SHEET.matcher(residents.get(0).browser().fetch(portal("/dashboard")).body());
        if (!styleSheet.find()) {
            throw new AssertionError("The dashboard links no portal.css");
        }
        URI css = portal(styleSheet.group(1).replace("&amp;", "&"));

        List<PageKind> kinds = List.of(
                new PageKind("static style sheet " + css.getPath() + " (the floor)", (resident, n) -> css,
                        (resident, uri, body) -> body.contains(".skip-link")),
                new PageKind("dashboard /dashboard", (resident, n) -> portal("/dashboard"),
                        (resident, uri, body) -> body.contains("data-testid=\"resident-name\">" + resident.name() + "</strong>")),
                new PageKind("service page /services/service?id= (" + services.size() + " services in turn)",
                        (resident, n) -> portal("/services/service?id=" + services.get(n % services.size()).get("id")),
                        (resident, uri, body) -> signedIn(resident, body) && body.contains("<h1 data-testid=\"page-title\">"
                                + html(text(service(uri), "name", resident.language())) + "</h1>")),
                new PageKind("search /services/search?q= (" + QUERIES.size() + " queries in turn: zh-HK, zh-CN, English, typos)",
                        (resident, n) -> portal("/services/search?q=" + URLEncoder.encode(QUERIES.get(n % QUERIES.size()),
                                StandardCharsets.UTF_8)),
                        (resident, uri, body) -> signedIn(resident, body) && body.contains("data-testid=\"search-result\"")));

        for (PageKind kind : kinds) {
            hammer(kind, WARM_UP_SECONDS);
        }
        double loadWarm = CpuTime.loadAverage();
        Latencies.report("portal under load: %d concurrent logged-in residents (each its own session and connection,"
                        + " languages en/zh-HK/zh-CN), %d s per page kind after %d s of warm-up each; %d cores shared by the"
                        + " load generator and every server; 1-minute load average %.2f before the set-up, %.2f after warm-up",
                RESIDENTS, SECONDS, WARM_UP_SECONDS, Runtime.getRuntime().availableProcessors(), loadBefore, loadWarm);
        for (PageKind kind : kinds) {
            // When each kind ran, to match a profile of the portal (e.g. a JFR recording) to it.
            System.out.printf("measuring %s from %s%n", kind.name(), java.time.Instant.now());
            long portalCpu = CpuTime.portalNanos(platform);
            LoadRun outcome = hammer(kind, SECONDS);
            double cpuPerRequest = (CpuTime.portalNanos(platform) - portalCpu) / 1e6 / outcome.count();
            Latencies.report("%s: %d requests, %d errors (not 200 or not the expected page), %.0f requests/s;"
                            + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; portal CPU %.2f ms per request (%.0f requests/s per"
                            + " core of its own); load average %.2f%s",
                    kind.name(), outcome.count(), outcome.errors(), outcome.perSecond(),
                    outcome.latencies().percentile(50), outcome.latencies().percentile(95), outcome.latencies().percentile(99),
                    cpuPerRequest, 1000 / cpuPerRequest, CpuTime.loadAverage(),
                    outcome.firstError() == null ? "" : "; first error: " + outcome.firstError());
        }
    }

    /** Each resident registers with a new passkey, then logs in again with it in a new browser session. */
    private void createLoggedInResidents() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        URI login = portal("/login");
        List<Future<Resident>> created = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            String name = "Bench Resident " + i;
            String language = LANGUAGES.get(i % LANGUAGES.size());
            created.add(pool.submit(() -> {
                BrowserlessResident browser = new BrowserlessResident(platform);
                browser.readPortalIn(language);
                browser.registerFrom(login, "bench-" + UUID.randomUUID() + "@example.hk", name);
                browser.forgetSessions();
                browser.readPortalIn(language);
                BrowserlessResident.Page dashboard = browser.openAuthorization(login);
                Resident resident = new Resident(browser, name, language);
                if (dashboard.status() != 200 || !dashboard.uri().getPath().equals("/dashboard")
                        || !signedIn(resident, dashboard.body()) || !dashboard.body().contains("lang=\"" + language + "\"")) {
                    throw new AssertionError(name + " did not log in to the dashboard in " + language + " but got "
                            + dashboard.status() + " at " + dashboard.uri());
                }
                return resident;
            }));
        }
        for (Future<Resident> each : created) {
            residents.add(each.get());
        }
        pool.shutdown();
    }

    /** Every resident asks for pages of this kind one after the other for {@code seconds}. */
    private LoadRun hammer(PageKind kind, int seconds) throws Exception {
        return new LoadRun().run(residents.size(), seconds, (worker, n) -> {
            Resident resident = residents.get(worker);
            URI uri = kind.address().of(resident, worker * 7 + n);
            HttpResponse<String> response = resident.browser().fetch(uri);
            return response.statusCode() == 200 && kind.expected().test(resident, uri, response.body()) ? null
                    : response.statusCode() + " for " + uri + " as " + resident.name();
        });
    }

    private URI portal(String path) {
        return platform.settings().portalUrl().resolve(path);
    }

    private Map<String, Object> service(URI page) {
        String id = page.getQuery().substring("id=".length());
        return services.stream().filter(service -> service.get("id").equals(id)).findFirst().orElseThrow();
    }

    /** The page was rendered for this resident: the header names them. */
    private static boolean signedIn(Resident resident, String body) {
        return body.contains("<strong>" + resident.name() + "</strong>");
    }

    private record Resident(BrowserlessResident browser, String name, String language) {
    }

    private record PageKind(String name, Address address, Expected expected) {
    }

    @FunctionalInterface
    private interface Address {
        URI of(Resident resident, int n);
    }

    @FunctionalInterface
    private interface Expected {
        boolean test(Resident resident, URI uri, String body);
    }

}
