package org.itops.platform;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of refusals' own messages ({@link InvalidRequestException}, {@link NotFoundException},
 * {@link NotAllowedException}...), in the language of the request being answered ({@link RequestLanguage}), in
 * English where no request is (jobs, logs of the engine's own work, tests). Refusals are made where no bean is at
 * hand (records checking themselves), and Camunda's REST APIs answer with the message, so this reads the bundles that
 * Spring's MessageSource reads, in the same way (UTF-8, no fallback to the system's locale, MessageFormat only with
 * arguments).
 */
final class RequestTexts {

  static final MessageSource TEXTS = texts();

  private RequestTexts() {}

  private static MessageSource texts() {
    ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    texts.setBasename("i18n/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
    return texts;
  }

  /**
   * A text of {@code i18n/messages*.properties} and the values it names: as text (so that numbers and lists read the
   * same in every language), or texts of their own, worded in the same language as this one.
   */
  static MessageSourceResolvable text(String key, Object... arguments) {
    return new DefaultMessageSourceResolvable(new String[] {key}, Arrays.stream(arguments)
        .map(argument -> argument instanceof MessageSourceResolvable text ? text : String.valueOf(argument))
        .toArray());
  }

  /** The language of the request being answered; English without one. */
  static Locale language() {
    return RequestLanguage.ofCurrentRequest().orElse(Locale.ENGLISH);
  }

  /** The text in the language of the request being answered. */
  static String inRequestLanguage(MessageSourceResolvable text) {
    return TEXTS.getMessage(text, language());
  }
}
