package org.itops.platform;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts the suite shows in its own language ({@code itops.language}): pages, Tasklist filter names. One source
 * per text: {@code i18n/messages.properties} (English) and {@code i18n/messages_zh.properties} (Simplified Chinese);
 * SuiteTranslationsTest fails when a key is in one and not the other. Our API's errors follow the request's
 * Accept-Language instead ({@link ApiExceptionHandler}).
 */
@Component
public class SuiteText {

  private final MessageSource messages;
  private final Locale language;

  SuiteText(MessageSource messages, SuiteProperties suite) {
    this.messages = messages;
    this.language = suite.language();
  }

  /** The text of the key in the suite's language, {0}, {1}... filled with the arguments. */
  public String get(String key, Object... arguments) {
    return in(language, key, arguments);
  }

  /** The text of the key in the given language. */
  public String in(Locale locale, String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** Why the input was refused, each field's reason in the suite's language, for a page of the suite. */
  public String reasons(InvalidRequestException refused) {
    return refused.errors().stream().map(error -> error.reason(messages, language)).collect(Collectors.joining("; "));
  }

  /** The language of the suite, for the {@code lang} attribute of its pages. */
  public Locale language() {
    return language;
  }
}
