package hk.smartid.idp.registration;

import hk.smartid.idp.realm.ResidentAttribute;
import hk.smartid.idp.assurance.AssuranceLevel;
import org.jboss.logging.Logger;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserManager;

import java.time.Instant;

/**
 * Runs in the registration form before Keycloak's user creation: when the contact someone registers with
 * belongs to an abandoned registration ({@link AbandonedRegistration}), that empty account is removed so the
 * person can register again. Any other existing account is left alone and Keycloak reports the contact as taken.
 */
public class AbandonedRegistrationCleanup implements FormAction {

    private static final Logger LOG = Logger.getLogger(AbandonedRegistrationCleanup.class);

    @Override
    public void validate(ValidationContext context) {
        String contact = context.getHttpRequest().getDecodedFormParameters().getFirst("username");
        RealmModel realm = context.getRealm();
        UserModel existing = contact == null || contact.isBlank() ? null
                : context.getSession().users().getUserByUsername(realm, contact.trim());
        if (existing != null && abandoned(existing).isAbandonedAt(Instant.now(),
                AbandonedRegistration.age(realm.getAttribute(AbandonedRegistration.AGE_ATTRIBUTE)))) {
            LOG.infof("Removing abandoned registration %s (no passkey since %s) in realm %s", existing.getId(),
                    Instant.ofEpochMilli(existing.getCreatedTimestamp()), realm.getName());
            context.getEvent().detail("removed_abandoned_account", existing.getId());
            new UserManager(context.getSession()).removeUser(realm, existing);
        }
        context.success();
    }

    private static AbandonedRegistration abandoned(UserModel user) {
        return new AbandonedRegistration(user.credentialManager().getStoredCredentialsStream().findAny().isPresent(),
                AssuranceLevel.of(user),
                user.getFirstAttribute(ResidentAttribute.HKID_NUMBER) != null, user.getServiceAccountClientLink() != null,
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
    }

    @Override
    public void success(FormContext context) {
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
