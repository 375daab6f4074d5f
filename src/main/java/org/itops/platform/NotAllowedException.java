package org.itops.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.MessageSourceResolvable;

/**
 * Something the user may not do, by a rule of the suite rather than an authorization of the engine: the engine's
 * {@link AuthorizationException}, so that our API and the engine's answer it with 403 alike. Why is said by a text of
 * {@code i18n/messages*.properties} ({@code detail.forbidden.*}), in the language of the request being answered
 * ({@link RequestTexts}).
 */
public class NotAllowedException extends AuthorizationException {

  private final transient MessageSourceResolvable detail;

  /** Why not: the key of its text and the values the text names (groups...). */
  public NotAllowedException(String detailKey, Object... arguments) {
    super(null);
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
