package hk.smartid.portal.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The message bundle in each supported language at once, for pages that must not depend on the session,
 * such as the error page, which shows its message in all three languages:
 * {@code #{languages.en['error.title']}}, {@code #{languages.zhHK[...]}}, {@code #{languages.zhCN[...]}}.
 */
@Named("languages")
@ApplicationScoped
public class AllLanguages {

    /** Base name of the portal's message bundles (also registered as {@code msg} in faces-config.xml). */
    public static final String BUNDLE = "hk.smartid.portal.i18n.messages";

    public ResourceBundle getEn() {
        return bundle(SupportedLanguage.EN);
    }

    public ResourceBundle getZhHK() {
        return bundle(SupportedLanguage.ZH_HK);
    }

    public ResourceBundle getZhCN() {
        return bundle(SupportedLanguage.ZH_CN);
    }

    /**
     * The bundle for a language, never falling back to the JVM's default locale (which could be Chinese on a
     * server and would then replace English).
     */
    public static ResourceBundle bundle(SupportedLanguage language) {
        return bundle(language.locale(), classLoader());
    }

    static ResourceBundle bundle(Locale locale, ClassLoader loader) {
        return ResourceBundle.getBundle(BUNDLE, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AllLanguages.class.getClassLoader();
    }
}
