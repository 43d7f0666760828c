package hk.smartid.platform;

import hk.smartid.idp.hkid.HkidNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.RoleRepresentation;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./run.sh}'s demo counter after a crash left it half done: every start grants what is missing and creates
 * what is missing; and a demo counter that cannot be prepared is one line, not a stack trace that stops the platform.
 */
@ExtendWith(RunningPlatform.class)
class DemoCounterIT {

    private final Platform platform;
    private final RealmResource realm;

    DemoCounterIT(Platform platform) {
        this.platform = platform;
        this.realm = platform.idpAdmin().realm(Realm.NAME);
    }

    @Test
    void shouldRepairATerminalWithoutItsRoleAStaffMemberWithoutTheirsAndAChangedSecret() throws Exception {
        DemoCounter counter = new DemoCounter(platform.settings(), platform.secrets(), platform.idpAdmin());
        assertThat(counter.prepare()).contains("activation code");

        ClientResource terminal = realm.clients().get(realm.clients().findByClientId(DemoCounter.TERMINAL).get(0).getId());
        String terminalAccount = terminal.getServiceAccountUser().getId();
        String staff = realm.users().searchByAttributes("hkid_number:" + HkidNumber.of(DemoCounter.STAFF_HKID))
                .stream().findFirst().orElseThrow().getId();
        RoleRepresentation role = realm.roles().get(DemoCounter.STAFF_ROLE).toRepresentation();
        realm.users().get(terminalAccount).roles().realmLevel().remove(List.of(role));
        realm.users().get(staff).roles().realmLevel().remove(List.of(role));
        terminal.generateNewSecret();
        assertThat(holdsStaffRole(realm.users().get(terminalAccount).roles().realmLevel())).isFalse();

        assertThat(counter.prepare()).contains("activation code");

        assertThat(holdsStaffRole(realm.users().get(terminalAccount).roles().realmLevel())).isTrue();
        assertThat(holdsStaffRole(realm.users().get(staff).roles().realmLevel())).isTrue();
        assertThat(terminal.getSecret().getValue()).isEqualTo(platform.secrets().demoTerminalSecret());
    }

    @Test
    void shouldSayInOneLineWhyTheDemoCounterCannotBePrepared(@TempDir Path otherVar) {
        // Another installation's secrets: the IdP refuses this administrator password.
        PlatformSecrets wrong = new PlatformSecrets(otherVar);
        try (Keycloak refusedAdmin = KeycloakServer.adminClient(platform.settings(), wrong)) {
            String line = new DemoCounter(platform.settings(), wrong, refusedAdmin).describe();

            // Keycloak 26.7 answers a wrong password at the token endpoint 400 invalid_grant (26.4: 401).
            assertThat(line).startsWith("The demo counter staff could not be prepared (").contains("the IdP answered 40")
                    .endsWith("the platform runs without them.").doesNotContain("\n").doesNotContain("Exception");
        }
    }

    private static boolean holdsStaffRole(RoleScopeResource roles) {
        return roles.listAll().stream().anyMatch(role -> DemoCounter.STAFF_ROLE.equals(role.getName()));
    }
}
