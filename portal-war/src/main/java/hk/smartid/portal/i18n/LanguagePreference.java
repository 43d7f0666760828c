package hk.smartid.portal.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language this browser session reads the portal in.
 *
 * <p>Initially taken from the {@code smartid_lang} cookie, else from the request's Accept-Language, else
 * English. {@link #select(String)} changes it and remembers it in the cookie for a year. The login code reads
 * the same cookie to pass {@code ui_locales} to the identity provider.
 */
@Named
@SessionScoped
public class LanguagePreference implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Name of the cookie that remembers the choice; values are {@link SupportedLanguage#tag()}. */
    public static final String COOKIE_NAME = "smartid_lang";
    /** One year, in seconds. */
    static final int COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

    private SupportedLanguage language;

    /** {@code en}, {@code zh-HK} or {@code zh-CN}, for {@code <html lang>} and the cookie. */
    public String getLanguageTag() {
        return getLanguage().tag();
    }

    /** The locale for {@code <f:view locale>} and the resource bundles. */
    public Locale getLocale() {
        return getLanguage().locale();
    }

    public SupportedLanguage getLanguage() {
        if (language == null) {
            language = initialLanguage();
        }
        return language;
    }

    /** Whether {@code tag} is the language currently in use (for marking the current switcher option). */
    public boolean isCurrent(String tag) {
        return getLanguageTag().equals(tag);
    }

    /**
     * Switches to the language with this tag ({@code en}, {@code zh-HK} or {@code zh-CN}) and remembers it in
     * the cookie; any other value is ignored. As a Faces action it then redirects (POST-redirect-GET) to the
     * current page, so reloading does not re-post the form.
     *
     * @return the outcome redirecting to the current view, or null (stay) outside a Faces request
     */
    public String select(String tag) {
        boolean changed = change(tag);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return null;
        }
        UIViewRoot view = faces.getViewRoot();
        if (changed) {
            writeCookie(faces.getExternalContext(), language);
            if (view != null) {
                view.setLocale(language.locale());
            }
        }
        if (view == null || view.getViewId() == null) {
            return null;
        }
        // With the page's view parameters (a service's id, the form's service), or the page would be a 404.
        return view.getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    /** Stores the language with this tag if it is supported; returns whether it was. No Faces needed. */
    boolean change(String tag) {
        Optional<SupportedLanguage> chosen = SupportedLanguage.fromTag(tag);
        chosen.ifPresent(supported -> language = supported);
        return chosen.isPresent();
    }

    private static void writeCookie(ExternalContext external, SupportedLanguage language) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("path", "/");
        properties.put("maxAge", COOKIE_MAX_AGE);
        properties.put("httpOnly", Boolean.TRUE);
        properties.put("secure", isSecure(external));
        properties.put("SameSite", "Lax");
        external.addResponseCookie(COOKIE_NAME, language.tag(), properties);
    }

    private static boolean isSecure(ExternalContext external) {
        Object request = external.getRequest();
        return request instanceof HttpServletRequest && ((HttpServletRequest) request).isSecure();
    }

    private static SupportedLanguage initialLanguage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return SupportedLanguage.DEFAULT;
        }
        Object request = faces.getExternalContext().getRequest();
        if (!(request instanceof HttpServletRequest)) {
            return SupportedLanguage.DEFAULT;
        }
        return fromRequest((HttpServletRequest) request);
    }

    /** Cookie first, then Accept-Language, then the default. */
    static SupportedLanguage fromRequest(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE_NAME.equals(cookie.getName())) {
                    Optional<SupportedLanguage> remembered = SupportedLanguage.fromTag(cookie.getValue());
                    if (remembered.isPresent()) {
                        return remembered.get();
                    }
                }
            }
        }
        return SupportedLanguage.bestMatch(request.getHeader("Accept-Language"));
    }
}
