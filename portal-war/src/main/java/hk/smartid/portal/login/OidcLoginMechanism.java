package hk.smartid.portal.login;

import com.nimbusds.jwt.JWT;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs residents in with the SmartID IdP: OpenID Connect authorization code flow with PKCE (S256),
 * state and nonce, the client authenticated with its secret.
 *
 * <p>Written on the Jakarta Security SPI with the Nimbus OAuth 2.0 SDK rather than with
 * {@code @OpenIdAuthenticationMechanismDefinition}: Jakarta Security 3.0 (what Payara 6 implements) cannot
 * send PKCE, which the realm requires of every client, nor choose {@code acr_values}, {@code max_age} and
 * {@code ui_locales} per request, which step-up and the resident's language need.
 */
@ApplicationScoped
public class OidcLoginMechanism implements HttpAuthenticationMechanism {

    static final String LANGUAGE_COOKIE = "smartid_lang";
    /** The realm role of officers, whose ID token also names their department (claim {@code department}). */
    static final String OFFICER = "officer";
    /** Where the QR code on an activation slip points; {@code ?code=} pre-fills the code at the IdP. */
    static final String ACTIVATION_PATH = "/activate";
    /** "Add a passkey on another device": the IdP registers one more passkey for the logged-in resident. */
    static final String ADD_PASSKEY_PATH = "/passkeys/add";
    private static final java.util.regex.Pattern ACTIVATION_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9 -]{1,12}");
    private static final String PENDING_LOGINS = OidcLoginMechanism.class.getName() + ".pending";
    private static final int MAX_PENDING_LOGINS = 5;
    private static final Logger LOG = Logger.getLogger(OidcLoginMechanism.class.getName());

    @Inject
    IdentityProvider identityProvider;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getServletPath();
        if (LoginCallbackServlet.PATH.equals(path)) {
            return completeLogin(request, response, context);
        }
        boolean activation = ACTIVATION_PATH.equals(path);
        boolean addPasskey = ADD_PASSKEY_PATH.equals(path);
        Optional<Integer> stepUp = stepUpMaxAge(request);
        ResidentLogin current = currentLogin(request);
        if (current != null && !activation && !addPasskey && stepUp.isEmpty()) {
            // The session remembers the login (what @AutoApplySession would do, which would also keep
            // step-up and activation requests of a logged-in resident from reaching this mechanism).
            return context.notifyContainerAboutLogin(new CallerPrincipal(current.subject()), current.roles());
        }
        if (addPasskey && current == null) {
            return context.redirect(request.getContextPath() + "/login?return=/passkeys");
        }
        if (activation || addPasskey || stepUp.isPresent() || context.isProtected()) {
            try {
                return context.redirect(startLogin(request, activation, addPasskey, stepUp).toString());
            } catch (IdentityProviderUnavailableException e) {
                LOG.log(Level.WARNING, "Cannot send a resident to log in: {0}", e.getMessage());
                return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        }
        return context.doNothing();
    }

    /**
     * The authorization request. For {@value #ACTIVATION_PATH} (the link on a counter's activation slip) it
     * asks the IdP for its activation page instead of the passkey login, always with a fresh login.
     */
    private URI startLogin(HttpServletRequest request, boolean activation, boolean addPasskey,
                           Optional<Integer> stepUpMaxAge) {
        PendingLogin pending = PendingLogin.startingNow(activation ? request.getContextPath() + "/dashboard"
                : addPasskey ? request.getContextPath() + "/passkeys" : returnTo(request));
        updatePendingLogins(request.getSession(true), pending, null);
        AuthenticationRequest.Builder authentication = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile"), identityProvider.clientId(), identityProvider.callbackUri())
                .endpointURI(identityProvider.metadata().getAuthorizationEndpointURI())
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256);
        residentLanguage(request).ifPresent(language -> authentication.uiLocales(List.of(language)));
        if (VerifiedOnlyFilter.needsVerifiedIdentity(request.getServletPath())) {
            authentication.acrValues(List.of(new ACR(VerifiedOnlyFilter.VERIFIED)));
        }
        stepUpMaxAge.ifPresent(authentication::maxAge);
        if (addPasskey) {
            // Keycloak's application-initiated action: the IdP asks for the new passkey, then returns here.
            authentication.customParameter("kc_action", "smartid-passkey-register");
        }
        if (activation) {
            authentication.prompt(new Prompt(Prompt.Type.LOGIN)).customParameter("smartid_activation", "1");
            String code = request.getParameter("code");
            if (code != null && ACTIVATION_CODE.matcher(code).matches()) {
                authentication.customParameter("smartid_activation_code", code);
            }
        }
        return authentication.build().toURI();
    }

    private AuthenticationStatus completeLogin(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        try {
            AuthenticationResponse answer = AuthenticationResponseParser.parse(fullRequestUri(request));
            PendingLogin pending = session == null || answer.getState() == null ? null
                    : updatePendingLogins(session, null, answer.getState().getValue());
            if (pending == null) {
                LOG.warning("Refused a login callback whose state this browser session never sent");
                return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
            }
            if (!answer.indicatesSuccess()) {
                // The resident cancelled or the IdP refused: back to where they were, still logged out.
                return context.redirect(identityProvider.portalHome().toString());
            }
            AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
            ResidentLogin login = redeem(code, pending);
            request.changeSessionId();
            request.getSession().setAttribute(ResidentLogin.SESSION_ATTRIBUTE, login);
            request.getSession().setAttribute(LoginCallbackServlet.RETURN_TO, pending.returnTo());
            return context.notifyContainerAboutLogin(new CallerPrincipal(login.subject()), login.roles());
        } catch (ParseException | LoginRefusedException | IdentityProviderUnavailableException e) {
            LOG.log(Level.WARNING, "Refused a login callback: {0}", e.getMessage());
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private ResidentLogin redeem(AuthorizationCode code, PendingLogin pending) throws LoginRefusedException {
        try {
            TokenRequest tokenRequest = new TokenRequest(identityProvider.metadata().getTokenEndpointURI(),
                    identityProvider.clientAuthentication(),
                    new AuthorizationCodeGrant(code, identityProvider.callbackUri(),
                            new CodeVerifier(pending.codeVerifier())));
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new LoginRefusedException("token endpoint said "
                        + tokenResponse.toErrorResponse().getErrorObject().getCode());
            }
            OIDCTokens tokens = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens();
            JWT idToken = tokens.getIDToken();
            IDTokenClaimsSet claims = identityProvider.idTokenValidator().validate(idToken,
                    new Nonce(pending.nonce()));
            Set<String> roles = roles(claims);
            return new ResidentLogin(claims.getSubject().getValue(), displayName(claims),
                    claims.getACR() == null ? null : claims.getACR().getValue(), roles,
                    roles.contains(OFFICER) ? claims.getStringClaim("department") : null,
                    idToken.serialize(), tokens.getAccessToken().getValue(),
                    IdpAccessToken.expiry(tokens.getAccessToken()),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue());
        } catch (IOException | ParseException | com.nimbusds.jose.JOSEException
                 | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new LoginRefusedException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String displayName(IDTokenClaimsSet claims) {
        for (String claim : List.of("given_name", "name", "preferred_username")) {
            String value = claims.getStringClaim(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return claims.getSubject().getValue();
    }

    private static Set<String> roles(IDTokenClaimsSet claims) {
        List<String> roles = claims.getStringListClaim("roles");
        return roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Ends the request with the portal's error page for {@code status}; nobody is logged in. */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not send the refusal", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * Step-up: {@code /login?max_age=N} asks the IdP for a login no older than N seconds, even for someone
     * logged in (an IdP API answered {@code insufficient_user_authentication}).
     */
    private static Optional<Integer> stepUpMaxAge(HttpServletRequest request) {
        // Only for the login URL: reading a parameter of any other request would parse its form body
        // before Faces sets the character encoding.
        if (!LoginServlet.PATH.equals(request.getServletPath())) {
            return Optional.empty();
        }
        String maxAge = request.getParameter("max_age");
        if (maxAge == null || !maxAge.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(maxAge));
    }

    private static ResidentLogin currentLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (ResidentLogin) session.getAttribute(ResidentLogin.SESSION_ATTRIBUTE);
    }

    /**
     * Where to go after the login: the page asked for; for the login link itself its {@code return} path
     * on this portal (step-up from a staff page), else the dashboard.
     */
    private static String returnTo(HttpServletRequest request) {
        if (LoginServlet.PATH.equals(request.getServletPath())) {
            return LoginServlet.returnPath(request);
        }
        if (!"GET".equals(request.getMethod())) {
            return request.getContextPath() + "/dashboard";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static Optional<LangTag> residentLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> LANGUAGE_COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> Set.of("en", "zh-HK", "zh-CN").contains(value))
                .findFirst()
                .map(OidcLoginMechanism::langTag);
    }

    private static LangTag langTag(String value) {
        try {
            return LangTag.parse(value);
        } catch (LangTagException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static URI fullRequestUri(HttpServletRequest request) {
        String query = request.getQueryString();
        return URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
    }

    /** Reads, changes and writes back the session's pending logins (written back so replication sees it). */
    @SuppressWarnings("unchecked")
    private static PendingLogin updatePendingLogins(HttpSession session, PendingLogin toAdd, String stateToRemove) {
        BoundedPendingLogins pending = (BoundedPendingLogins) session.getAttribute(PENDING_LOGINS);
        if (pending == null) {
            pending = new BoundedPendingLogins();
        }
        PendingLogin removed = stateToRemove == null ? null : pending.remove(stateToRemove);
        if (toAdd != null) {
            pending.put(toAdd.state(), toAdd);
        }
        session.setAttribute(PENDING_LOGINS, pending);
        return removed;
    }

    /** A resident may start a login in a few tabs; older unfinished ones are forgotten. */
    private static final class BoundedPendingLogins extends LinkedHashMap<String, PendingLogin> {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingLogin> eldest) {
            return size() > MAX_PENDING_LOGINS;
        }
    }

    /** The callback carried a code the IdP would not redeem or an ID token that did not verify. */
    private static final class LoginRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        LoginRefusedException(String message) {
            super(message);
        }
    }
}
