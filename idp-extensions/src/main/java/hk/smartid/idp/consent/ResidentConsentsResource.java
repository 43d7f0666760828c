package hk.smartid.idp.consent;

import org.keycloak.models.KeycloakSession;

/**
 * The resident's consents under {@code /realms/smartid/data-sharing/consents} (list, revoke).
 * Placeholder so that the data-sharing resource compiles on this branch: the consent feature's branch brings
 * the real class, which replaces this one when they are merged.
 */
public class ResidentConsentsResource {

    public ResidentConsentsResource(KeycloakSession session) {
    }
}
