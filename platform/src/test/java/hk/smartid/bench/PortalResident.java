package hk.smartid.bench;

import hk.smartid.banking.BrowserlessResident;
import hk.smartid.platform.Platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A resident registered with a passkey through the portal's login and the IdP's registration, for login benchmarks. */
record PortalResident(BrowserlessResident browser, String name) {

    /** {@code count} residents named {@code name} and their number, each with a browser of its own. */
    static List<PortalResident> register(Platform platform, int count, String name) throws Exception {
        List<PortalResident> residents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BrowserlessResident browser = new BrowserlessResident(platform);
            browser.registerFrom(login(platform), "bench-" + UUID.randomUUID() + "@example.hk", name + " " + i);
            residents.add(new PortalResident(browser, name + " " + i));
        }
        return residents;
    }

    /** As a new browser, logs in at the portal with the passkey: null when it lands on its dashboard, else what it got. */
    String logIn(Platform platform) throws Exception {
        browser.forgetSessions();
        BrowserlessResident.Page dashboard = browser.openAuthorization(login(platform));
        return dashboard.status() == 200 && dashboard.uri().getPath().equals("/dashboard")
                && dashboard.body().contains("<strong>" + name + "</strong>") ? null
                : dashboard.status() + " at " + dashboard.uri() + " instead of " + name + "'s dashboard";
    }

    private static URI login(Platform platform) {
        return platform.settings().portalUrl().resolve("/login");
    }
}
