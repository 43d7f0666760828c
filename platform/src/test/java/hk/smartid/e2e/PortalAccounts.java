package hk.smartid.e2e;

import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.Realm;
import org.openqa.selenium.Dimension;

/**
 * People as the portal meets them, each in their own Chromium with their own passkey: a resident enrolled at a
 * counter (verified) and an officer (enrolled and activated like anyone, then given
 * the {@code officer} role and a department by an administrator).
 */
public final class PortalAccounts {

    public static final String BIRTH = "1950-03-04";

    private final Platform platform;
    private final String portal;

    public PortalAccounts(Platform platform) {
        this.platform = platform;
        this.portal = platform.settings().portalUrl().toString();
    }

    /** Enrolled at a counter (name, date of birth, gender, address, mobile: see StaffConsoleClient) and activated. */
    public ResidentBrowser verifiedResident() throws Exception {
        return verifiedResident(StaffConsoleClient.randomHkid());
    }

    /** As {@link #verifiedResident()}, with this HKID number (born {@link #BIRTH}). */
    public ResidentBrowser verifiedResident(String hkid) throws Exception {
        return activated(hkid, null, null);
    }

    String idpUrl() {
        return platform.settings().keycloakUrl().toString();
    }

    /** An officer of {@code departmentId} (a catalogue department id; null: none set yet), at a desktop screen. */
    ResidentBrowser officer(String departmentId) throws Exception {
        ResidentBrowser browser = activated(StaffConsoleClient.randomHkid(), "officer", departmentId);
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        return browser;
    }

    /** An approver of businesses' requests to go live (role {@code rp-approver} only), at a desktop screen. */
    ResidentBrowser approver() throws Exception {
        ResidentBrowser browser = activated(StaffConsoleClient.randomHkid(), Realm.APPROVER_ROLE, null);
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        return browser;
    }

    private ResidentBrowser activated(String hkid, String role, String departmentId) throws Exception {
        StaffConsoleClient counter = StaffConsoleClient.forCounterStaff(platform, "Central");
        String code = counter.enrol(hkid, BIRTH);
        if (role != null) {
            String userId = counter.find(hkid);
            KeycloakAdmin admin = new KeycloakAdmin(platform);
            admin.grantRealmRole(userId, role);
            if (departmentId != null) {
                admin.setAttribute(userId, "department", departmentId);
            }
        }
        ResidentBrowser browser = new ResidentBrowser();
        browser.activate(portal, hkid, BIRTH, code);
        browser.registerPasskey();
        browser.awaitUrlStartingWith(portal + "/dashboard");
        return browser;
    }
}
