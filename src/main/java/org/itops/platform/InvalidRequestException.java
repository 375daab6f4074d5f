package org.itops.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Input that the suite refuses, with every field that is wrong and why. Our API and the engine REST APIs answer it
 * with 400 (it is the engine's {@link BadUserRequestException}); thrown from a delegate or task listener, it rolls
 * back the step and Tasklist shows the message. The message is in the language of the request being answered, in
 * English where no request is ({@link RequestTexts}).
 */
public class InvalidRequestException extends BadUserRequestException {

  /**
   * A field and what is wrong with it: the key of the reason in {@code i18n/messages*.properties} and the values the
   * reason names ({@link RequestTexts#text}).
   */
  public static final class FieldError {
    private final String field;
    private final MessageSourceResolvable reason;

    public FieldError(String field, String reasonKey, Object... arguments) {
      this.field = field;
      this.reason = RequestTexts.text(reasonKey, arguments);
    }

    public String field() {
      return field;
    }

    /** The reason in the language. */
    public String reason(MessageSource texts, Locale language) {
      return texts.getMessage(reason, language);
    }
  }

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super((String) null); // the message is made when it is asked for, in the language of that moment's request
    this.errors = List.copyOf(errors);
  }

  /** One field's refusal: the key of its reason and the values the reason names. */
  public InvalidRequestException(String field, String reasonKey, Object... arguments) {
    this(List.of(new FieldError(field, reasonKey, arguments)));
  }

  /** Every refused field and its reason, in the language of the request being answered (English without one). */
  @Override
  public String getMessage() {
    return errors.stream().map(error -> error.field() + ": " + reason(error)).collect(Collectors.joining("; "));
  }

  /** The field's reason, in the language of the request being answered (English without one). */
  static String reason(FieldError error) {
    return error.reason(RequestTexts.TEXTS, RequestTexts.language());
  }

  /**
   * The constant of {@code type} that a list's filter names, or null when it names none; refuses a name that is not
   * one of them, listing those that are.
   */
  public static <E extends Enum<E>> E checkOneOf(String field, String name, Class<E> type) {
    if (name == null) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidRequestException(field, "reason.oneOf", List.of(type.getEnumConstants())));
  }

  /** Refuses a page of a list outside 0 and more, or a size outside 1 to {@code maxSize}. */
  public static void checkPage(int page, int size, int maxSize) {
    if (page < 0 || size < 1 || size > maxSize) {
      throw new InvalidRequestException("page/size", "reason.page", maxSize);
    }
  }

  public List<FieldError> errors() {
    return errors;
  }
}
