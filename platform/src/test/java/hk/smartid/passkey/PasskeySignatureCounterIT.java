package hk.smartid.passkey;

import com.nimbusds.jose.util.JSONArrayUtils;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey's signature counter (WebAuthn §6.1.1): an authenticator that counts presents a higher count at every
 * login, so a count at or below the last one seen means a copy of the authenticator is in use. Such a login is
 * refused, audited for auditors, and shown to the resident in their account activity; an authenticator that never
 * counts (synced passkeys present 0 every time) keeps working.
 */
@ExtendWith(RunningPlatform.class)
class PasskeySignatureCounterIT {

    private static final String BIRTH = "1968-02-29";

    private final Platform platform;

    PasskeySignatureCounterIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void aCounterThatGoesBackIsRefusedAuditedAndShownToTheResident() throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        BrowserlessResident resident = activatedResident(hkid);

        assertThat(logsInPresenting(resident, 10)).as("counter 10 after registration").isTrue();
        for (int copied : List.of(5, 3, 1, 10)) {
            assertThat(logsInPresenting(resident, copied)).as("counter %d after 10", copied).isFalse();
        }
        assertThat(logsInPresenting(resident, 11)).as("the original device, counting on").isTrue();

        String residentId = StaffConsoleClient.forCounterStaff(platform, "Yuen Long").find(hkid);
        List<Map<?, ?>> refusals = JSONArrayUtils.parse(StaffConsoleClient.withRole(platform, "auditor", null).auditTrail().body())
                .stream().<Map<?, ?>>map(line -> (Map<?, ?>) line)
                .filter(line -> "PASSKEY_COUNTER_REFUSED".equals(line.get("action")))
                .filter(line -> residentId.equals(line.get("residentId")))
                .toList();
        assertThat(refusals).as("audit lines for the resident").hasSize(4)
                .allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("REFUSED"));

        String activity = resident.get(URI.create(platform.settings().portalUrl() + "/activity")).body();
        assertThat(activity).contains("data-testid=\"passkey-refusal\"");
        assertThat(activity.split("data-testid=\"passkey-refusal\"", -1)).hasSize(5);
    }

    @Test
    void anAuthenticatorThatNeverCountsKeepsWorking() throws Exception {
        BrowserlessResident resident = activatedResident(StaffConsoleClient.randomHkid());
        for (int login = 1; login <= 3; login++) {
            assertThat(logsInPresenting(resident, 0)).as("login %d with counter 0", login).isTrue();
        }
    }

    private BrowserlessResident activatedResident(String hkid) throws Exception {
        BrowserlessResident resident = new BrowserlessResident(platform);
        resident.activate(platform, hkid, BIRTH, StaffConsoleClient.forCounterStaff(platform, "Yuen Long").enrol(hkid, BIRTH));
        return resident;
    }

    /** A fresh browser logs in to the portal with the passkey presenting {@code signCount}; whether it got in. */
    private boolean logsInPresenting(BrowserlessResident resident, int signCount) throws Exception {
        resident.forgetSessions();
        resident.presentSignCount(signCount);
        BrowserlessResident.Page page = resident.openAuthorization(URI.create(platform.settings().portalUrl() + "/login"));
        return page.status() == 200 && page.uri().toString().startsWith(platform.settings().portalUrl().toString());
    }
}
