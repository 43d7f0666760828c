package hk.smartid.portal.login;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed-in person's access token, for the portal to call the IdP's realm APIs ({@code IdpClient}) as
 * them. Refreshed shortly before it expires; empty when there is no login or the IdP session has ended.
 */
@RequestScoped
public class IdpAccessToken {

    private static final long REFRESH_MARGIN_SECONDS = 30;

    @Inject
    HttpServletRequest request;

    @Inject
    IdentityProvider identityProvider;

    public Optional<String> current() {
        HttpSession session = request.getSession(false);
        ResidentLogin login = session == null ? null
                : (ResidentLogin) session.getAttribute(ResidentLogin.SESSION_ATTRIBUTE);
        if (login == null) {
            return Optional.empty();
        }
        if (Instant.now().getEpochSecond() + REFRESH_MARGIN_SECONDS < login.accessTokenExpiresAt()) {
            return Optional.of(login.accessToken());
        }
        return refreshed(login).map(fresh -> {
            session.setAttribute(ResidentLogin.SESSION_ATTRIBUTE, fresh);
            return fresh.accessToken();
        });
    }

    private Optional<ResidentLogin> refreshed(ResidentLogin login) {
        if (login.refreshToken() == null) {
            return Optional.empty();
        }
        try {
            TokenResponse response = TokenResponse.parse(new TokenRequest(
                    identityProvider.metadata().getTokenEndpointURI(), identityProvider.clientAuthentication(),
                    new RefreshTokenGrant(new RefreshToken(login.refreshToken()))).toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                return Optional.empty();
            }
            Tokens tokens = response.toSuccessResponse().getTokens();
            return Optional.of(login.withTokens(tokens.getAccessToken().getValue(), expiry(tokens.getAccessToken()),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue()));
        } catch (IOException | ParseException e) {
            return Optional.empty();
        }
    }

    /** Epoch second when {@code token} stops working, from its {@code expires_in}. */
    static long expiry(AccessToken token) {
        return Instant.now().getEpochSecond() + (token.getLifetime() > 0 ? token.getLifetime() : 60);
    }
}
