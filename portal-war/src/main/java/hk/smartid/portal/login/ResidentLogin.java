package hk.smartid.portal.login;

import java.io.Serializable;
import java.util.Set;

/**
 * A completed login, kept in the HTTP session: who the IdP says this is, how well it knows them, and
 * the ID token to end the IdP session with at logout, and the tokens to call IdP APIs on their behalf
 * (kept on the server, never sent to the browser). {@code department} is the catalogue id of an officer's
 * department (the account attribute {@code department}); null for anyone without the {@code officer} role.
 */
record ResidentLogin(String subject, String displayName, String assuranceLevel, Set<String> roles,
                     String department, String idToken, String accessToken, long accessTokenExpiresAt, String refreshToken)
        implements Serializable {

    static final String SESSION_ATTRIBUTE = ResidentLogin.class.getName();

    ResidentLogin withTokens(String newAccessToken, long newExpiresAt, String newRefreshToken) {
        return new ResidentLogin(subject, displayName, assuranceLevel, roles, department, idToken, newAccessToken, newExpiresAt,
                newRefreshToken == null ? refreshToken : newRefreshToken);
    }
}
