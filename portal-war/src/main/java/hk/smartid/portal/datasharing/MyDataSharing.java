package hk.smartid.portal.datasharing;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.idp.IdpClient;
import hk.smartid.portal.idp.IdpOutcomes;
import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.login.IdentityProvider;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "My data sharing": every bank or business the resident gave consent to, every disclosure the IdP made to them,
 * and revocation of an active consent. Revoking asks for a confirmation that says what changes (the bank can no
 * longer fetch the data) and what does not (what it already received stays with it); the IdP then stops the
 * bank's tokens and ends its sessions for this resident at once.
 */
@Named
@ViewScoped
public class MyDataSharing implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MyDataSharing.class.getName());
    private static final String CONSENTS = "data-sharing/consents";
    private static final String DISCLOSURES = "data-sharing/disclosures";

    private static final String PAGE = "/data-sharing";

    @Inject
    IdpClient idp;

    @Inject
    IdentityProvider identityProvider;

    private List<Consent> consents;
    private boolean consentsUnavailable;
    private List<Disclosure> disclosures;
    private boolean disclosuresUnavailable;
    private String pendingRevocationId;

    /** The consents, newest first; empty (and {@link #isConsentsUnavailable()}) when the IdP cannot say. */
    public List<Consent> getConsents() {
        if (consents == null) {
            Optional<List<Consent>> answer = success(idp.get(CONSENTS, Map.of(), ConsentBody[].class))
                    .flatMap(bodies -> consents(bodies, Instant.now()));
            consentsUnavailable = answer.isEmpty();
            consents = answer.orElse(List.of());
        }
        return consents;
    }

    public boolean isConsentsUnavailable() {
        getConsents();
        return consentsUnavailable;
    }

    /** The disclosures, newest first; empty (and {@link #isDisclosuresUnavailable()}) when the IdP cannot say. */
    public List<Disclosure> getDisclosures() {
        if (disclosures == null) {
            LogInclusion log = new LogInclusion(identityProvider.realmKeys());
            Optional<List<Disclosure>> answer = success(idp.get(DISCLOSURES, Map.of(), DisclosureBody[].class))
                    .flatMap(bodies -> disclosures(bodies, log));
            disclosuresUnavailable = answer.isEmpty();
            disclosures = answer.orElse(List.of());
        }
        return disclosures;
    }

    public boolean isDisclosuresUnavailable() {
        getDisclosures();
        return disclosuresUnavailable;
    }

    /** Before the page renders ({@code preRenderView}): asks the IdP while a login can still be asked for. */
    public void load() {
        getConsents();
        getDisclosures();
    }

    /** A success's value; for anything else nothing (the page says the IdP cannot say), after a login if one is needed. */
    private static <T> Optional<T> success(IdpResult<T> answer) {
        if (answer instanceof IdpResult.Success<T> success) {
            return Optional.of(success.value());
        }
        IdpOutcomes.sentToLogin(answer, PAGE);
        return Optional.empty();
    }

    /** First step of revoking: the page then shows what revoking means and asks to confirm. */
    public void askToRevoke(String consentId) {
        pendingRevocationId = consentId;
    }

    /** The active consent waiting for confirmation, or null. */
    public Consent getPendingRevocation() {
        return pendingRevocationId == null ? null : getConsents().stream()
                .filter(consent -> consent.id().equals(pendingRevocationId) && consent.revocable())
                .findFirst().orElse(null);
    }

    public void cancelRevoke() {
        pendingRevocationId = null;
    }

    /** Revokes the consent waiting for confirmation, then shows the lists as they now are. */
    public void confirmRevoke() {
        Consent consent = getPendingRevocation();
        pendingRevocationId = null;
        if (consent == null) {
            message(FacesMessage.SEVERITY_WARN, "dataSharing.revoke.notFound");
            return;
        }
        // The id is one the IdP gave in this view's list, never one a browser sent.
        IdpResult<Void> answer = idp.delete(CONSENTS + "/" + IdpClient.pathSegment(consent.id()), Map.of());
        if (IdpOutcomes.sentToLogin(answer, PAGE)) {
            return;
        }
        String bank = consent.bankNameIn(languageTag());
        if (answer instanceof IdpResult.Success) {
            message(FacesMessage.SEVERITY_INFO, "dataSharing.revoke.done", bank);
        } else if (answer instanceof IdpResult.NotFound) {
            message(FacesMessage.SEVERITY_WARN, "dataSharing.revoke.notFound");
        } else if (answer instanceof IdpResult.Forbidden) {
            message(FacesMessage.SEVERITY_ERROR, "idp.forbidden");
        } else {
            message(FacesMessage.SEVERITY_ERROR, "dataSharing.revoke.failed", bank);
        }
        consents = null;
        disclosures = null;
    }

    /** The revoke button's label, naming the bank, so that a screen reader's list of buttons tells them apart. */
    public String revokeLabel(Consent consent) {
        return text("dataSharing.revoke.button", consent.bankNameIn(languageTag()));
    }

    /** A data item (scope) in words; the scope itself for an item this portal has no words for yet. */
    public String itemLabel(String scope) {
        try {
            return bundle().getString("dataSharing.item." + scope);
        } catch (MissingResourceException e) {
            return scope;
        }
    }

    /** A time as Hong Kong time in the reader's language; empty for none. */
    public String when(Instant instant) {
        return instant == null ? "" : HongKongTime.format(instant);
    }

    /** The IdP's consents answer as consents; empty when it is not as documented (then nothing is shown). */
    static Optional<List<Consent>> consents(ConsentBody[] bodies, Instant now) {
        return mapAll(bodies, body -> body.toConsent(now), "consents");
    }

    /** The IdP's disclosures answer as disclosures, each checked against the signed log; empty when it is not as documented. */
    static Optional<List<Disclosure>> disclosures(DisclosureBody[] bodies, LogInclusion log) {
        return mapAll(bodies, body -> body.toDisclosure(log.statusOf(body)), "disclosures");
    }

    // A partly readable answer is not shown in part: a missing consent would look like one never given.
    private static <B, T> Optional<List<T>> mapAll(B[] bodies, Function<B, T> map, String what) {
        try {
            return Optional.of(Arrays.stream(bodies).map(body -> {
                if (body == null) {
                    throw new IllegalArgumentException("an entry is null");
                }
                return map.apply(body);
            }).toList());
        } catch (IllegalArgumentException | DateTimeException e) {
            LOG.log(Level.WARNING, "The IdP's " + what + " answer is not as documented", e);
            return Optional.empty();
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static Instant instant(String value, String name) {
        return Instant.parse(required(value, name));
    }

    private static List<String> items(List<String> items) {
        return items == null ? List.of() : items.stream().filter(item -> item != null && !item.isBlank()).toList();
    }

    private static String languageTag() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale().toLanguageTag();
    }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle("hk.smartid.portal.i18n.messages",
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static String text(String key, Object... arguments) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return new MessageFormat(bundle().getString(key), locale).format(arguments);
    }

    private static void message(FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key, arguments), null));
    }

    /** One consent in the IdP's answer ({@code GET /data-sharing/consents}, a JSON array). */
    public static class ConsentBody {
        public String id;
        public String clientId;
        public Map<String, String> bankName;
        public String purpose;
        public Map<String, String> purposeStatement;
        public List<String> items;
        public String grantedAt;
        public String expiresAt;
        public String revokedAt;
        public String status;

        Consent toConsent(Instant now) {
            Instant expires = instant(expiresAt, "expiresAt");
            Instant revoked = revokedAt == null ? null : Instant.parse(revokedAt);
            return new Consent(required(id, "id"), required(clientId, "clientId"), new LocalisedText(bankName),
                    purpose, new LocalisedText(purposeStatement), items(items), instant(grantedAt, "grantedAt"),
                    expires, revoked, ConsentStatus.of(status, expires, revoked, now));
        }
    }

    /** One disclosure in the IdP's answer ({@code GET /data-sharing/disclosures}, a JSON array). */
    public static class DisclosureBody {
        public String id;
        public String at;
        public String clientId;
        public Map<String, String> bankName;
        public String purpose;
        public List<String> items;
        public LoggedEntry entry;
        public Inclusion inclusion;

        Disclosure toDisclosure(LogStatus log) {
            return new Disclosure(required(id, "id"), instant(at, "at"), required(clientId, "clientId"),
                    new LocalisedText(bankName), purpose, items(items), log);
        }
    }

    /** The log entry's fields the leaf hash covers besides id and client id. */
    public static class LoggedEntry {
        public String realmId;
        public String userId;
        public String consentId;
        public String items;
        public long disclosedAt;
    }

    /** RFC 9162 inclusion proof of the entry in a signed tree head (a JWS); absent while the entry is pending. */
    public static class Inclusion {
        public long leafIndex;
        public long treeSize;
        public List<String> inclusionProof;
        public String treeHead;
    }
}
