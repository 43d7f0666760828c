package hk.smartid.passkey;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import hk.smartid.banking.BrowserlessResident;
import hk.smartid.idp.KeycloakAdmin;
import hk.smartid.platform.Platform;
import hk.smartid.platform.Realm;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What logins are made of (the IdP's caches of themes and templates, users and credentials, the portal's of the IdP's
 * discovery and keys, the passkey check's converters shared by all logins, issue 12) never outlives a security
 * decision: right after logins that warmed every cache, a removed passkey, a disabled account, a revoked session and a
 * passkey answer written for another site are refused at the very next login.
 */
@ExtendWith(RunningPlatform.class)
class LoginRevocationIT {

    /** Nothing listens there: the IdP's redirect with a code is the answer looked at. */
    private static final URI CALLBACK = URI.create("http://127.0.0.1:9/login-revocation/callback");

    private final Platform platform;
    private BrowserlessResident resident;
    private UserResource account;
    private String ssoClientId;

    LoginRevocationIT(Platform platform) {
        this.platform = platform;
    }

    /** A resident registered through the portal, who has logged in with the passkey a few times since. */
    @BeforeEach
    void residentWhoLogsIn() throws Exception {
        String contact = "revocation-" + UUID.randomUUID() + "@example.hk";
        resident = new BrowserlessResident(platform);
        resident.registerFrom(portal("/login"), contact, "Revocation Resident");
        for (int login = 1; login <= 3; login++) {
            assertThat(logsInToThePortal()).as("login %d", login).isTrue();
        }
        KeycloakAdmin admin = new KeycloakAdmin(platform);
        account = platform.idpAdmin().realm(Realm.NAME).users().get(admin.userIdByUsername(contact));
        ssoClientId = admin.publicClient(CALLBACK.toString());
    }

    @Test
    void aRemovedPasskeyIsRefusedAtTheNextLogin() throws Exception {
        account.credentials().stream().filter(credential -> credential.getType().equals("webauthn-passwordless"))
                .forEach(credential -> account.removeCredential(credential.getId()));

        assertThat(logsInToThePortal()).isFalse();
    }

    @Test
    void aDisabledAccountIsRefusedAtTheNextLoginWithThePasskeyOrWithItsSession() throws Exception {
        assertThat(codeFromTheIdpSession()).as("before: the IdP session logs in to another client").isTrue();

        UserRepresentation disabled = account.toRepresentation();
        disabled.setEnabled(false);
        account.update(disabled);

        assertThat(codeFromTheIdpSession()).as("the IdP session").isFalse();
        assertThat(logsInToThePortal()).as("the passkey").isFalse();
    }

    @Test
    void aRevokedSessionNoLongerLogsIn() throws Exception {
        assertThat(codeFromTheIdpSession()).as("before: the IdP session logs in to another client").isTrue();

        account.logout();

        assertThat(codeFromTheIdpSession()).isFalse();
    }

    @Test
    void aPasskeyAnswerForAnotherSiteIsRefusedUnlessTheRealmAcceptsThatOrigin() throws Exception {
        String phishingSite = "https://smartid-hk.example";
        resident.answerFromOrigin(phishingSite);

        assertThat(logsInToThePortal()).as("an answer the browser gave another site").isFalse();

        RealmResource realm = platform.idpAdmin().realm(Realm.NAME);
        RealmRepresentation asImported = realm.toRepresentation();
        RealmRepresentation withExtraOrigin = realm.toRepresentation();
        withExtraOrigin.setWebAuthnPolicyPasswordlessExtraOrigins(List.of(phishingSite));
        realm.update(withExtraOrigin);
        try {
            assertThat(logsInToThePortal()).as("the same origin, once the realm accepts it as its own").isTrue();
        } finally {
            realm.update(asImported);
        }
        assertThat(logsInToThePortal()).as("the same origin, no longer accepted").isFalse();
    }

    /** A new browser logs in to the portal with the passkey; whether it reached the portal's dashboard. */
    private boolean logsInToThePortal() throws Exception {
        resident.forgetSessions();
        BrowserlessResident.Page page = resident.openAuthorization(portal("/login"));
        return page.status() == 200 && page.uri().equals(portal("/dashboard"));
    }

    /**
     * The same browser, still holding its IdP session cookie, asks the IdP to log it in to another client without
     * presenting the passkey: whether the IdP answered with a code.
     */
    private boolean codeFromTheIdpSession() throws Exception {
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                new ClientID(ssoClientId), CALLBACK)
                .endpointURI(URI.create(platform.settings().realmUrl() + "/protocol/openid-connect/auth"))
                .state(new State()).nonce(new Nonce()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .build().toURI();
        BrowserlessResident.Page answer = resident.get(authorization);
        return answer.status() == 302 && answer.location().toString().startsWith(CALLBACK.toString())
                && answer.location().getQuery().contains("code=");
    }

    private URI portal(String path) {
        return platform.settings().portalUrl().resolve(path);
    }
}
