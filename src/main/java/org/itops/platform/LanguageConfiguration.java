package org.itops.platform;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of our API's answers: Chinese when the request's Accept-Language asks for zh (any region) before
 * English, English when it asks for en; the suite's language ({@code itops.language}) for requests without the
 * header or with neither language (whatever the server's own locale).
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

  @Bean
  LocaleResolver localeResolver(SuiteProperties suite) {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.CHINESE));
    resolver.setDefaultLocale(suite.language());
    return resolver;
  }
}
