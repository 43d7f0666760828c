package hk.smartid.idp.consent;

import hk.smartid.idp.realm.Language;
import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.bank.BankClient;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Banking Made Easy: after the passkey login, the resident sees which bank asks, why, and the exact values
 * it would receive, and approves or declines (docs/banking-made-easy.md). Approval is stored in the
 * {@link ConsentLedger}; declining, or an identity not yet checked at a counter, sends the bank
 * {@code error=access_denied} and stores nothing. Any other client passes straight through.
 */
public class ConsentAuthenticator implements Authenticator {

    static final String CONSENT_TEMPLATE = "smartid-consent.ftl";
    static final String GET_VERIFIED_TEMPLATE = "smartid-consent-verify.ftl";
    static final String DECISION_PARAMETER = "decision";
    static final String APPROVE = "approve";

    /** Expiry dates are shown as a day in Hong Kong, where residents read them. */
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final Clock clock;
    private final Duration validity;

    ConsentAuthenticator(Clock clock, Duration validity) {
        this.clock = clock;
        this.validity = validity;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<BankClient> bank = BankClient.of(context.getAuthenticationSession().getClient());
        if (bank.isEmpty()) {
            context.success();
            return;
        }
        Optional<ConsentRequest> request = ConsentRequest.of(context.getSession(), bank.get(),
                context.getAuthenticationSession());
        if (request.isEmpty()) {
            refuseRequest(context);
            return;
        }
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        String language = languageOf(locale);
        LoginFormsProvider form = context.form().setAttribute("bankName", bank.get().nameIn(language));
        if (!isVerified(context.getUser())) {
            context.challenge(form.createForm(GET_VERIFIED_TEMPLATE));
            return;
        }
        Instant expiresAt = clock.instant().plus(validity);
        context.challenge(form
                .setAttribute("purposeStatement", request.get().purpose().statementIn(language))
                .setAttribute("consentItems", request.get().items().stream()
                        .map(item -> ConsentScreenItem.of(item, context.getUser(), true)).toList())
                .setAttribute("expiresOn", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(expiresAt.atZone(HONG_KONG)))
                .createForm(CONSENT_TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String decision = context.getHttpRequest().getDecodedFormParameters().getFirst(DECISION_PARAMETER);
        // The request and the resident are read again, never taken from the posted form.
        Optional<ConsentRequest> request = BankClient.of(context.getAuthenticationSession().getClient())
                .flatMap(bank -> ConsentRequest.of(context.getSession(), bank, context.getAuthenticationSession()));
        if (!APPROVE.equals(decision) || request.isEmpty() || !isVerified(context.getUser())) {
            // Decline, "back to the bank" from the how-to-get-verified page, or a post that cannot be approved.
            context.cancelLogin();
            return;
        }
        Consent consent = new ConsentLedger(context.getSession()).grant(context.getRealm(), context.getUser(),
                request.get().bank().clientId(), request.get().purpose().id(), request.get().items(),
                clock.instant().plus(validity));
        context.getEvent().detail("consent_id", consent.id()).detail("purpose", consent.purpose());
        context.getAuthenticationSession().setClientNote(Consent.LOGIN_NOTE, consent.id());
        context.success();
    }

    /** The bank sent a request its registration does not allow: an error page, not a consent screen. */
    private static void refuseRequest(AuthenticationFlowContext context) {
        context.getEvent().detail("reason", "unregistered_purpose_or_items");
        Response page = context.form().setError("smartid.consent.invalidRequest")
                .createErrorPage(Response.Status.BAD_REQUEST);
        context.failure(AuthenticationFlowError.INTERNAL_ERROR, page);
    }

    private static boolean isVerified(UserModel user) {
        return AssuranceLevel.of(user) == AssuranceLevel.VERIFIED;
    }

    /** The page's language as a tag the bank registered names and statements in. */
    private static String languageOf(Locale locale) {
        String tag = locale.toLanguageTag();
        return Language.TAGS.contains(tag) ? tag : "en";
    }

    @Override
    public boolean requiresUser() {
        return true;
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
