package hk.smartid.idp.activation;

import hk.smartid.idp.realm.ResidentAttribute;
import hk.smartid.idp.enrolment.ActivationCodes;
import hk.smartid.idp.enrolment.Redemption;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.idp.hkid.HkidRegister;
import hk.smartid.idp.passkey.PasskeyRegistrationFactory;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.services.managers.AuthenticationManager;

import java.time.Clock;
import java.util.Optional;

/**
 * The resident's activation after counter enrolment: HKID number, date of birth and the one-time code
 * from the counter identify them; then Keycloak asks for a new passkey (required action) and the login
 * completes at {@code loa-verified}. Earlier passkeys and sessions end, because a re-issued code means
 * the old device is lost.
 *
 * <p>Runs only when the authorization request asks for it ({@value #REQUEST_PARAMETER}{@code =1},
 * sent by the portal's "Activate" page); otherwise the browser flow goes on to the passkey login.
 */
public class ActivationCodeAuthenticator implements Authenticator {

    public static final String REQUEST_PARAMETER = "smartid_activation";
    static final String CODE_PARAMETER = "smartid_activation_code";
    static final String TEMPLATE = "smartid-activate.ftl";
    static final String DETAILS_DO_NOT_MATCH = "smartid.activation.noMatch";

    private final Clock clock;

    ActivationCodeAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!"1".equals(requestParameter(context, REQUEST_PARAMETER))) {
            context.attempted();
            return;
        }
        context.challenge(form(context, null, null).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typedHkid = form.getFirst("hkidNumber");
        String typedBirth = form.getFirst("dateOfBirth");
        String typedCode = form.getFirst("activationCode");

        HkidNumber.ParseResult hkid = HkidNumber.parse(typedHkid);
        if (!hkid.isValid()) {
            refuse(context, null, "hkidNumber", hkid.problem().orElseThrow().messageKey(), "invalid_hkid");
            return;
        }
        RealmModel realm = context.getRealm();
        KeycloakSession session = context.getSession();
        Optional<UserModel> resident = new HkidRegister(session).holderIn(realm, hkid.number().orElseThrow());
        if (resident.isEmpty()) {
            refuse(context, null, null, DETAILS_DO_NOT_MATCH, "resident_not_found");
            return;
        }
        UserModel user = resident.get();
        ActivationCodes codes = new ActivationCodes(session, clock);
        boolean birthMatches = typedBirth != null && typedBirth.trim().equals(user.getFirstAttribute(ResidentAttribute.BIRTHDATE));
        // A wrong date of birth spends one of the code's tries, so it cannot be guessed without limit.
        Redemption redemption = codes.redeem(realm, user, birthMatches ? typedCode : "", clock);
        switch (redemption) {
            case ACCEPTED -> activate(context, user);
            case WRONG -> refuse(context, user, null, DETAILS_DO_NOT_MATCH, "wrong_details");
            case EXPIRED -> refuse(context, user, "activationCode", "smartid.activation.expired", "code_expired");
            case USED -> refuse(context, user, "activationCode", "smartid.activation.used", "code_used");
            case LOCKED -> refuse(context, user, "activationCode", "smartid.activation.locked", "code_locked");
            case NONE -> refuse(context, user, "activationCode", "smartid.activation.none", "no_code");
        }
    }

    /** The old device is gone: its passkeys stop working and its sessions end before a new passkey is bound. */
    private void activate(AuthenticationFlowContext context, UserModel user) {
        user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_PASSWORDLESS).toList()
                .forEach(credential -> user.credentialManager().removeStoredCredentialById(credential.getId()));
        context.getSession().sessions().getUserSessionsStream(context.getRealm(), user).toList()
                .forEach(userSession -> AuthenticationManager.backchannelLogout(context.getSession(), userSession, true));
        user.addRequiredAction(PasskeyRegistrationFactory.PROVIDER_ID);
        context.getEvent().user(user).detail("activation", "accepted");
        context.setUser(user);
        context.success();
    }

    private void refuse(AuthenticationFlowContext context, UserModel user, String field, String message,
                        String reason) {
        if (user != null) {
            context.getEvent().user(user);
        }
        context.getEvent().detail("activation", reason);
        MultivaluedMap<String, String> typed = context.getHttpRequest().getDecodedFormParameters();
        Response page = form(context, field, message)
                .setAttribute("typedHkid", Optional.ofNullable(typed.getFirst("hkidNumber")).orElse(""))
                .setAttribute("typedBirth", Optional.ofNullable(typed.getFirst("dateOfBirth")).orElse(""))
                .createForm(TEMPLATE);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
    }

    private org.keycloak.forms.login.LoginFormsProvider form(AuthenticationFlowContext context, String field,
                                                          String message) {
        org.keycloak.forms.login.LoginFormsProvider form = context.form()
                .setAttribute("prefilledCode", Optional.ofNullable(requestParameter(context, CODE_PARAMETER)).orElse(""));
        if (message != null) {
            form.addError(new FormMessage(field, message));
        }
        return form;
    }

    private static String requestParameter(AuthenticationFlowContext context, String name) {
        return context.getAuthenticationSession()
                .getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + name);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
