package hk.smartid.utility.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/** The pages speak English, Traditional Chinese (Hong Kong) or Simplified Chinese, as the browser asks (Accept-Language). */
@Configuration
class Languages {

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-HK"), Locale.forLanguageTag("zh-CN")));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
