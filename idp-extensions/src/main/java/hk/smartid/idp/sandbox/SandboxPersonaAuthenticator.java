package hk.smartid.idp.sandbox;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Map;

/**
 * The sandbox's persona picker: a tester picks a test persona and is logged in as it without a passkey. It runs only
 * in the realm {@value SandboxRealm#NAME}: placed in any other realm's flow (a copied flow, a mistaken import) it
 * refuses every request, so that no production account can ever be entered by picking it.
 */
public class SandboxPersonaAuthenticator implements Authenticator {

    static final String TEMPLATE = "smartid-sandbox-persona.ftl";
    static final String PERSONA_PARAMETER = "persona";
    private static final Logger LOG = Logger.getLogger(SandboxPersonaAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (refusedOutsideSandbox(context)) {
            return;
        }
        context.challenge(picker(context).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (refusedOutsideSandbox(context)) {
            return;
        }
        String username = context.getHttpRequest().getDecodedFormParameters().getFirst(PERSONA_PARAMETER);
        UserModel persona = SandboxRealm.persona(context.getSession(), context.getRealm(), username).orElse(null);
        if (persona == null) {
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                    picker(context).setError("smartid.sandbox.persona.unknown").createForm(TEMPLATE));
            return;
        }
        context.setUser(persona);
        context.getEvent().detail("sandbox_persona", persona.getUsername());
        context.success();
    }

    private static boolean refusedOutsideSandbox(AuthenticationFlowContext context) {
        if (SandboxRealm.is(context.getRealm())) {
            return false;
        }
        LOG.warnf("Refused the sandbox persona picker in realm %s: it runs only in %s", context.getRealm().getName(),
                SandboxRealm.NAME);
        context.getEvent().error("sandbox_persona_outside_sandbox");
        context.failure(AuthenticationFlowError.ACCESS_DENIED, context.form()
                .setError("smartid.sandbox.persona.outsideSandbox").createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    private static LoginFormsProvider picker(AuthenticationFlowContext context) {
        List<Map<String, String>> personas = SandboxRealm.personas(context.getSession(), context.getRealm()).stream()
                .map(user -> Map.of("username", user.getUsername(),
                        "key", user.getUsername().substring(SandboxRealm.PERSONA_PREFIX.length())))
                .toList();
        return context.form().setAttribute("personas", personas);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return SandboxRealm.is(realm);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
