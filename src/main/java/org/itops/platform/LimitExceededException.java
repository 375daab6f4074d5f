package org.itops.platform;

/**
 * Input over a size or count limit of the suite (a file, the attachments of a record): answered with 413 and the
 * limit in the language of the request; nothing of it is kept.
 */
public class LimitExceededException extends RuntimeException {

  private final String messageKey;
  private final long limit;
  private final InvalidRequestException.FieldError error;

  /**
   * @param messageKey the text of {@code i18n/messages*.properties} that says which limit; {0} is the limit
   * @param field the field that is over the limit
   * @param reasonKey the text of what is over the limit, as {@link InvalidRequestException}'s reasons
   */
  public LimitExceededException(String messageKey, long limit, String field, String reasonKey, Object... arguments) {
    super((String) null); // the message is made when it is asked for, as InvalidRequestException's
    this.messageKey = messageKey;
    this.limit = limit;
    this.error = new InvalidRequestException.FieldError(field, reasonKey, arguments);
  }

  /** What is over the limit, in the language of the request being answered (English without one). */
  @Override
  public String getMessage() {
    return InvalidRequestException.reason(error);
  }

  public String messageKey() {
    return messageKey;
  }

  public long limit() {
    return limit;
  }

  public InvalidRequestException.FieldError error() {
    return error;
  }
}
