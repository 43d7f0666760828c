package hk.smartid.idp;

import hk.smartid.banking.BrowserlessResident;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone gives up at the passkey step of self-registration (Keycloak has created the account by then): once the
 * registration can no longer be under way, registering again with the same contact works; before that, the
 * contact stays taken, so nobody can take over a registration in progress.
 */
@ExtendWith(RunningPlatform.class)
class AbandonedRegistrationIT {

    private static final String AGE = "smartid.abandonedRegistrationAge";

    private final Platform platform;
    private final KeycloakAdmin admin;
    private final URI portalLogin;

    AbandonedRegistrationIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
        this.portalLogin = URI.create(platform.settings().portalUrl() + "/login");
    }

    @Test
    void shouldLetThePersonRegisterAgainOnceTheAbandonedRegistrationIsOldEnough() throws Exception {
        String contact = "again-" + UUID.randomUUID() + "@example.hk";
        String before = admin.realmAttribute(AGE);
        admin.setRealmAttribute(AGE, "1");
        try {
            BrowserlessResident firstTry = new BrowserlessResident(platform);
            assertThat(firstTry.startRegistration(portalLogin, contact, "Wong Mei Ling").body()).contains("registerWebAuthn");
            String abandoned = admin.userIdByUsername(contact);
            Thread.sleep(1_500);

            BrowserlessResident.Page landed = new BrowserlessResident(platform).registerFrom(portalLogin, contact, "Wong Mei Ling");

            assertThat(landed.uri().toString()).startsWith(platform.settings().portalUrl() + "/dashboard");
            String registered = admin.userIdByUsername(contact);
            assertThat(registered).isNotEqualTo(abandoned);
            assertThat(admin.array("/users/" + registered + "/credentials")).extracting(c -> (Object) ((Map<?, ?>) c).get("type"))
                    .containsExactly("webauthn-passwordless");
            assertThat(admin.array("/users?exact=true&username=" + contact)).hasSize(1);
        } finally {
            admin.setRealmAttribute(AGE, before);
        }
    }

    @Test
    void shouldKeepTheContactTakenWhileARegistrationMayStillBeUnderWay() throws Exception {
        String contact = "inflight-" + UUID.randomUUID() + "@example.hk";
        new BrowserlessResident(platform).startRegistration(portalLogin, contact, "Wong Mei Ling");
        String inProgress = admin.userIdByUsername(contact);

        BrowserlessResident.Page refused = new BrowserlessResident(platform).startRegistration(portalLogin, contact, "Someone Else");

        assertThat(refused.body()).doesNotContain("registerWebAuthn").contains("kc-register-form");
        assertThat(admin.userIdByUsername(contact)).isEqualTo(inProgress);
        assertThat(admin.array("/users?exact=true&username=" + contact)).extracting(u -> (Object) ((Map<?, ?>) u).get("id"))
                .containsExactly(inProgress);
    }
}
