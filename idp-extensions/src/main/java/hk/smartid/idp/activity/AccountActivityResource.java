package hk.smartid.idp.activity;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.audit.StaffAction;
import hk.smartid.idp.audit.StaffAuditTrail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.device.DeviceActivityManager;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.account.DeviceRepresentation;
import org.keycloak.services.managers.AuthenticationManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident's own account activity ({@code /realms/smartid/account-activity}): their recent logins, passkey
 * logins refused because a copy of the passkey may be in use ({@link hk.smartid.idp.passkey.PasskeyCredentialProvider}), and
 * "this wasn't me", which ends every session of the account at once. Only ever the caller's own data.
 */
public class AccountActivityResource {

    static final int RECENT_LOGINS = 20;

    private final KeycloakSession session;
    private final RealmModel realm;

    AccountActivityResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response recentLogins() {
        UserModel user;
        try {
            user = BearerCaller.of(session).user();
        } catch (ApiError refusal) {
            return refusal.response();
        }
        List<Login> logins = session.getProvider(EventStoreProvider.class).createQuery()
                .realm(realm.getId()).user(user.getId()).type(EventType.LOGIN)
                .orderByDescTime().maxResults(RECENT_LOGINS).getResultStream()
                .map(this::login).toList();
        List<RefusedPasskeyLogin> refused = new StaffAuditTrail(session)
                .aboutResident(realm, user.getId(), StaffAction.PASSKEY_COUNTER_REFUSED, RECENT_LOGINS).stream()
                .map(line -> new RefusedPasskeyLogin(line.occurredAt().toString())).toList();
        return Response.ok(Map.of("logins", logins, "refusedPasskeyLogins", refused)).build();
    }

    /** "This wasn't me": ends every session of the account, on every device, including this one. */
    @POST
    @Path("not-me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response notMe() {
        UserModel user;
        try {
            user = BearerCaller.of(session).user();
        } catch (ApiError refusal) {
            return refusal.response();
        }
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        sessions.forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        return Response.ok(Map.of("sessionsEnded", sessions.size())).build();
    }

    private Login login(Event event) {
        ClientModel client = event.getClientId() == null ? null : realm.getClientByClientId(event.getClientId());
        String service = client == null ? event.getClientId()
                : client.getName() != null && !client.getName().isBlank() ? client.getName() : client.getClientId();
        UserSessionModel userSession = event.getSessionId() == null ? null
                : session.sessions().getUserSession(realm, event.getSessionId());
        DeviceRepresentation device = userSession == null ? null : DeviceActivityManager.getCurrentDevice(userSession);
        return new Login(Instant.ofEpochMilli(event.getTime()).toString(), service, event.getIpAddress(),
                device == null ? null : device.getBrowser(), device == null ? null : device.getOs(),
                device == null ? null : device.getDevice(), userSession != null);
    }

    /** A login with one of the resident's passkeys that the IdP refused: its signature counter did not go up. */
    record RefusedPasskeyLogin(String time) {
    }

    /** One login as the resident sees it; browser and device are known while its session lasts. */
    record Login(String time, String service, String ipAddress, String browser, String os, String device,
                 boolean stillActive) {
    }
}
