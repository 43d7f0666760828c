package hk.smartid.portal.activity;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.idp.IdpClient;
import hk.smartid.portal.idp.IdpOutcomes;
import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.login.SignedInResident;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;

/**
 * "Recent logins": the resident's own logins as the IdP recorded them, and "this wasn't me", which has
 * the IdP end every session of the account and logs this browser out too.
 */
@Named
@RequestScoped
public class AccountActivity {

    private static final String PATH = "account-activity";
    private static final String PAGE = "/activity";

    @Inject
    IdpClient idp;

    @Inject
    SignedInResident signedInResident;

    private ActivityBody activity;
    private boolean unavailable;

    /** The recent logins, newest first; empty (and {@link #isUnavailable()}) when the IdP cannot say. */
    public List<Login> getLogins() {
        List<LoginBody> logins = activity().logins;
        return logins == null ? List.of() : logins.stream().map(AccountActivity::login).toList();
    }

    /**
     * When the IdP refused a login with one of this resident's passkeys because its signature counter did not go
     * up (a copy of the passkey may be in use), newest first, in Hong Kong time.
     */
    public List<String> getRefusedPasskeyLogins() {
        List<RefusedPasskeyLoginBody> refused = activity().refusedPasskeyLogins;
        return refused == null ? List.of() : refused.stream().map(login -> HongKongTime.format(login.time)).toList();
    }

    /** Before the page renders ({@code preRenderView}): asks the IdP while a login can still be asked for. */
    public void load() {
        activity();
    }

    public boolean isUnavailable() {
        activity();
        return unavailable;
    }

    private ActivityBody activity() {
        if (activity == null) {
            IdpResult<ActivityBody> answer = idp.get(PATH, Map.of(), ActivityBody.class);
            if (answer instanceof IdpResult.Success<ActivityBody> success) {
                activity = success.value();
            } else {
                IdpOutcomes.sentToLogin(answer, PAGE);
                unavailable = true;
                activity = new ActivityBody();
            }
        }
        return activity;
    }

    /** Ends every session at the IdP, then this one, and shows what to do next. */
    public String notMe() {
        IdpResult<Void> answer = idp.post(PATH + "/not-me", null, Void.class);
        if (!(answer instanceof IdpResult.Success)) {
            if (!IdpOutcomes.sentToLogin(answer, PAGE)) {
                unavailable = true;
            }
            return null;
        }
        signedInResident.endPortalSession();
        return "/secured?faces-redirect=true";
    }

    private static Login login(LoginBody body) {
        String browser = body.browser == null ? null
                : body.browser + (body.os == null ? "" : " · " + body.os) + (body.device == null ? "" : " · " + body.device);
        return new Login(HongKongTime.format(body.time), body.service, browser, body.ipAddress, body.stillActive);
    }

    /**
     * One login as shown: when (Hong Kong time, the reader's format), which service, which browser. Pages
     * call its accessors as methods ({@code login.when()}): Jakarta EL 5 does not read records as beans.
     */
    public record Login(String when, String service, String browser, String ipAddress, boolean stillActive) {
    }

    /** The IdP's answer, {@code {"logins": [...], "refusedPasskeyLogins": [...]}}. */
    public static class ActivityBody {
        public List<LoginBody> logins;
        public List<RefusedPasskeyLoginBody> refusedPasskeyLogins;
    }

    /** A refused passkey login in the IdP's answer. */
    public static class RefusedPasskeyLoginBody {
        public String time;
    }

    /** One login in the IdP's answer. */
    public static class LoginBody {
        public String time;
        public String service;
        public String ipAddress;
        public String browser;
        public String os;
        public String device;
        public boolean stillActive;
    }
}
