package hk.smartid.platform;

import hk.smartid.idp.hkid.HkidNumber;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        String staff = realm.users().searchByAttributes("hkid_number:" + HkidNumber.of(DemoCounter.STAFF.hkid()))
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
    void shouldRepairTheDemoOfficersRoleAndDepartmentAndGiveThemNothingElse() throws Exception {
        DemoCounter counter = new DemoCounter(platform.settings(), platform.secrets(), platform.idpAdmin());
        assertThat(counter.prepare()).contains("Demo officer of TD").contains("Demo officer of SWD")
                .contains("/officer/");
        for (DemoCounter.DemoAccount officer : DemoCounter.OFFICERS) {
            UserResource user = realm.users().get(userId(officer.hkid()));
            RoleRepresentation role = realm.roles().get(DemoCounter.OFFICER_ROLE).toRepresentation();
            user.roles().realmLevel().remove(List.of(role));
            UserRepresentation representation = user.toRepresentation();
            representation.getAttributes().put(DemoCounter.DEPARTMENT_ATTRIBUTE, List.of("ImmD"));
            user.update(representation);
        }

        assertThat(counter.prepare()).contains("Demo officer of TD");

        for (DemoCounter.DemoAccount officer : DemoCounter.OFFICERS) {
            UserResource user = realm.users().get(userId(officer.hkid()));
            // Least privilege: the officer role and the default roles every account has, nothing of a counter's.
            assertThat(user.roles().realmLevel().listAll()).extracting(RoleRepresentation::getName)
                    .containsExactlyInAnyOrder(DemoCounter.OFFICER_ROLE, "default-roles-smartid");
            assertThat(user.roles().realmLevel().listEffective()).extracting(RoleRepresentation::getName)
                    .doesNotContain(DemoCounter.STAFF_ROLE, "auditor", "rp-onboarding");
            assertThat(user.toRepresentation().getAttributes().get(DemoCounter.DEPARTMENT_ATTRIBUTE))
                    .containsExactly(officer.department());
        }
    }

    @Test
    void shouldPrepareTheDemoApproverWithTheApproverRoleOnly() throws Exception {
        DemoCounter counter = new DemoCounter(platform.settings(), platform.secrets(), platform.idpAdmin());
        assertThat(counter.prepare()).contains("Demo integration approver").contains("/approvals/");
        UserResource approver = realm.users().get(userId(DemoCounter.APPROVER.hkid()));
        approver.roles().realmLevel().remove(List.of(realm.roles().get(Realm.APPROVER_ROLE).toRepresentation()));

        assertThat(counter.prepare()).contains("Demo integration approver");
        assertThat(approver.roles().realmLevel().listAll()).extracting(RoleRepresentation::getName)
                .containsExactlyInAnyOrder(Realm.APPROVER_ROLE, "default-roles-smartid");
    }

    @Test
    void shouldRefuseADepartmentTheCatalogueDoesNotHave() throws Exception {
        new DemoCounter(platform.settings(), platform.secrets(), platform.idpAdmin()).prepare();
        UserResource user = realm.users().get(userId(DemoCounter.OFFICERS.get(0).hkid()));
        UserRepresentation representation = user.toRepresentation();
        representation.getAttributes().put(DemoCounter.DEPARTMENT_ATTRIBUTE, List.of("NO-SUCH-DEPT"));
        assertThatThrownBy(() -> user.update(representation)).isInstanceOf(BadRequestException.class);
        assertThat(user.toRepresentation().getAttributes().get(DemoCounter.DEPARTMENT_ATTRIBUTE))
                .doesNotContain("NO-SUCH-DEPT");
    }

    private String userId(String hkid) {
        return realm.users().searchByAttributes("hkid_number:" + HkidNumber.of(hkid)).stream().findFirst().orElseThrow().getId();
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
