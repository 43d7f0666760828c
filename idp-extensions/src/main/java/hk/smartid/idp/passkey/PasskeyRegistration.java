package hk.smartid.idp.passkey;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.WebAuthnConstants;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegister;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.credential.CredentialModel;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keycloak's passkey registration (discoverable credential, user verification), refusing a credential
 * that is already bound to another account: one passkey opens one identity.
 */
public class PasskeyRegistration extends WebAuthnPasswordlessRegister {

    static final String ALREADY_REGISTERED_MESSAGE = "smartid.passkey.alreadyRegistered";
    static final String ALREADY_REGISTERED_ERROR = "passkey_already_registered";
    /** Keycloak's message for the suggested name of a new passkey; our theme makes it "My phone". */
    static final String SUGGESTED_NAME_MESSAGE = "webauthn-registration-init-label";

    private static final AttestationObjectConverter ATTESTATION_OBJECTS =
            new AttestationObjectConverter(new ObjectConverter());

    private final PasskeyDirectory directory;

    public PasskeyRegistration(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        super(session, trustVerifier);
        this.directory = new PasskeyDirectory(session);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        Optional<String> holder = credentialId(context.getHttpRequest().getDecodedFormParameters())
                .flatMap(id -> directory.holderOf(context.getRealm(), id))
                .filter(holderId -> !holderId.equals(user.getId()));
        nameThePasskey(context, user);
        if (holder.isPresent()) {
            context.getEvent().detail("reason", ALREADY_REGISTERED_ERROR).error(Errors.INVALID_REGISTRATION);
            context.challenge(context.form()
                    .setError(ALREADY_REGISTERED_MESSAGE)
                    .setAttribute("webAuthnTitle", "webauthn-registration-title")
                    .createWebAuthnErrorPage());
            return;
        }
        super.processAction(context);
    }

    /**
     * Stores the name the resident typed on the page, or the suggested one in their language if they
     * cleared the field. A name the account already uses gets a number: Keycloak would refuse it
     * ("Device already exists with the same name"), which is what a resident gets who accepts the
     * suggested name twice.
     */
    private static void nameThePasskey(RequiredActionContext context, UserModel user) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Set<String> used = user.credentialManager()
                .getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_PASSWORDLESS)
                .map(CredentialModel::getUserLabel).filter(Objects::nonNull).collect(Collectors.toSet());
        form.putSingle(WebAuthnConstants.AUTHENTICATOR_LABEL,
                PasskeyLabel.of(form.getFirst(WebAuthnConstants.AUTHENTICATOR_LABEL), suggestedName(context), used));
    }

    /** The name the page suggests, in the resident's language. */
    private static String suggestedName(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        Locale locale = session.getContext().resolveLocale(context.getUser());
        try {
            return session.theme().getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(context.getRealm(), locale)
                    .getProperty(SUGGESTED_NAME_MESSAGE);
        } catch (IOException unreadableTheme) {
            throw new UncheckedIOException("The login theme's messages cannot be read", unreadableTheme);
        }
    }

    /**
     * The credential id inside the attestation. Read before Keycloak verifies the attestation, which is
     * safe here: it is used only to refuse, and Keycloak still verifies whatever is accepted.
     */
    private static Optional<byte[]> credentialId(MultivaluedMap<String, String> form) {
        String attestation = form.getFirst(WebAuthnConstants.ATTESTATION_OBJECT);
        if (attestation == null || attestation.isBlank()) {
            return Optional.empty();
        }
        try {
            AttestationObject object = ATTESTATION_OBJECTS.convert(Base64.getUrlDecoder().decode(attestation));
            AttestedCredentialData data = object == null ? null
                    : object.getAuthenticatorData().getAttestedCredentialData();
            return Optional.ofNullable(data).map(AttestedCredentialData::getCredentialId);
        } catch (RuntimeException unparseable) {
            // Keycloak's own verification reports malformed attestations.
            return Optional.empty();
        }
    }
}
