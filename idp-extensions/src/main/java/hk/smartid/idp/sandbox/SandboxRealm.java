package hk.smartid.idp.sandbox;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Optional;

/**
 * The sandbox realm businesses try their integration in: the production realm's flows and policies, plus test
 * personas (accounts in the group {@value #PERSONAS_GROUP}, made by the platform when it imports the realm).
 * Nothing of the sandbox works in any other realm, whatever its configuration says.
 */
public final class SandboxRealm {

    public static final String NAME = "smartid-sandbox";
    /** The group every test persona belongs to; nobody else does. */
    public static final String PERSONAS_GROUP = "test-personas";
    /** A persona's username is this prefix and its key ({@code basic}, {@code verified}, ...). */
    static final String PERSONA_PREFIX = "persona-";
    /** The persona whose consent is revoked as soon as the business has redeemed its code. */
    static final String CONSENT_REVOKED = PERSONA_PREFIX + "consent-revoked";

    private SandboxRealm() {
    }

    public static boolean is(RealmModel realm) {
        return realm != null && NAME.equals(realm.getName());
    }

    /** The test personas, by username; none outside the sandbox realm. */
    static List<UserModel> personas(KeycloakSession session, RealmModel realm) {
        return personasGroup(session, realm)
                .map(group -> session.users().getGroupMembersStream(realm, group)
                        .filter(user -> user.getUsername().startsWith(PERSONA_PREFIX))
                        .sorted(java.util.Comparator.comparing(UserModel::getUsername)).toList())
                .orElse(List.of());
    }

    /** The persona of that username, if there is one in the sandbox realm. */
    static Optional<UserModel> persona(KeycloakSession session, RealmModel realm, String username) {
        if (username == null) {
            return Optional.empty();
        }
        return personas(session, realm).stream().filter(user -> user.getUsername().equals(username)).findFirst();
    }

    private static Optional<GroupModel> personasGroup(KeycloakSession session, RealmModel realm) {
        if (!is(realm)) {
            return Optional.empty();
        }
        return session.groups().getTopLevelGroupsStream(realm).filter(group -> PERSONAS_GROUP.equals(group.getName())).findFirst();
    }
}
