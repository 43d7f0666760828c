package hk.smartid.portal.login;

import java.io.Serializable;
import java.util.Set;

/**
 * A completed login, kept in the HTTP session: who the IdP says this is, how well it knows them, and
 * the ID token to end the IdP session with at logout.
 */
record ResidentLogin(String subject, String displayName, String assuranceLevel, Set<String> roles,
                     String idToken) implements Serializable {

    static final String SESSION_ATTRIBUTE = ResidentLogin.class.getName();
}
