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

  public List<FieldError> errors() {
    return errors;
  }
}
