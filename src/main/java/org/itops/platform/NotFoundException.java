package org.itops.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A record that does not exist, or that the caller may not see (the API does not tell the two apart). What is not
 * there is said by a text of {@code i18n/messages*.properties} ({@code detail.notFound.*}), in the language of the
 * request being answered ({@link RequestTexts}).
 */
public class NotFoundException extends RuntimeException {

  private final transient MessageSourceResolvable detail;

  /** What is not there: the key of its text and the values the text names (the record's number...). */
  public NotFoundException(String detailKey, Object... arguments) {
    super((String) null);
    this.detail = RequestTexts.text(detailKey, arguments);
  }

  MessageSourceResolvable detail() {
    return detail;
  }

  @Override
  public String getMessage() {
    return RequestTexts.inRequestLanguage(detail);
  }
}
