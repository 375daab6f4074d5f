package org.itops.platform;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import java.util.stream.Collectors;

/**
 * Input that the suite refuses, with every field that is wrong and why. Our API and the engine REST API answer it
 * with 400 (it is the engine's {@link BadUserRequestException}); thrown from a delegate or task listener, it rolls
 * back the step and Tasklist shows the message.
 */
public class InvalidRequestException extends BadUserRequestException {

  /** A field and what is wrong with it. */
  public record FieldError(String field, String reason) {}

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  /** Refuses a page of a list outside 0 and more, or a size outside 1 to {@code maxSize}. */
  public static void checkPage(int page, int size, int maxSize) {
    if (page < 0 || size < 1 || size > maxSize) {
      throw new InvalidRequestException("page/size", "page must be 0 or more, size 1 to " + maxSize);
    }
  }

  public List<FieldError> errors() {
    return errors;
  }
}
