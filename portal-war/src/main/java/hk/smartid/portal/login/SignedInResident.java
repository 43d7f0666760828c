package hk.smartid.portal.login;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.text.ParseException;
import java.util.Optional;

/** Who is signed in to this browser session, as the IdP asserted it in the ID token. */
@Named
@RequestScoped
public class SignedInResident {

    @Inject
    HttpServletRequest request;

    @Inject
    IdentityProvider identityProvider;

    public boolean isLoggedIn() {
        return login().isPresent();
    }

    public String getDisplayName() {
        return login().map(ResidentLogin::displayName).orElse(null);
    }

    /** Whether the IdP gave the signed-in person this realm role (e.g. {@code counter-staff}). */
    public boolean hasRole(String role) {
        return login().map(l -> l.roles().contains(role)).orElse(false);
    }

    /** The IdP's subject ({@code sub}) of the signed-in resident: the key of what the portal keeps for them. */
    public Optional<String> subject() {
        return login().map(ResidentLogin::subject);
    }

    /**
     * The catalogue id of the signed-in officer's department, from their ID token; empty for anyone who is not an
     * officer or whose account names no department (such an officer sees no application).
     */
    public Optional<String> officerDepartment() {
        return login().filter(l -> l.roles().contains(OidcLoginMechanism.OFFICER)).map(ResidentLogin::department);
    }

    /** {@code loa-basic} or {@code loa-verified}. */
    public String getAssuranceLevel() {
        return login().map(ResidentLogin::assuranceLevel).orElse(null);
    }

    /**
     * Ends the portal session and then the IdP session (RP-initiated logout with the ID token as hint),
     * so that the next visitor on a shared computer must use their own passkey.
     */
    public String logout() throws IOException, ServletException, ParseException {
        Optional<ResidentLogin> login = login();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (login.isEmpty()) {
            external.redirect(identityProvider.portalHome().toString());
            return null;
        }
        LogoutRequest endIdpSession = new LogoutRequest(identityProvider.metadata().getEndSessionEndpointURI(),
                JWTParser.parse(login.get().idToken()), identityProvider.portalHome(), null);
        external.redirect(endIdpSession.toURI().toString());
        return null;
    }

    /** Ends this browser's portal session only (the IdP has already ended its own). */
    public void endPortalSession() {
        try {
            request.logout();
        } catch (ServletException e) {
            // Nothing to log out of: the session is ended below all the same.
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private Optional<ResidentLogin> login() {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null
                : (ResidentLogin) session.getAttribute(ResidentLogin.SESSION_ATTRIBUTE));
    }
}
