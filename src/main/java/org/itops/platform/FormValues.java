package org.itops.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * Reads what a form (or a REST client completing a task) left in a task's or step's variables, and checks it, for
 * the task listeners and delegates of every process.
 */
public final class FormValues {

  /** The variable as text, null when it is not set. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** A typed text without its surrounding blanks; null when nothing was typed (forms and API requests alike). */
  public static String blankToNull(String text) {
    return isBlank(text) ? null : text.strip();
  }

  /** A whole number a form's number field left (a Long or a Double) or a client sent as text; null otherwise. */
  public static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException notAWholeNumber) {
      return null;
    }
  }

  /**
   * The moment a form's date-time field (ISO-8601 text) or an earlier step (a Date) left, null when there is none;
   * an unreadable one adds its error.
   */
  public static Instant instant(VariableScope scope, String field, List<FieldError> errors) {
    try {
      return Times.parse(scope.getVariable(field));
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "reason.notADateTime", e.getParsedString()));
      return null;
    }
  }

  /** The field's text; a missing or blank one adds "is required" to the errors. */
  public static String required(VariableScope scope, String field, List<FieldError> errors) {
    String value = text(scope, field);
    if (isBlank(value)) {
      errors.add(new FieldError(field, "reason.required"));
    }
    return value;
  }

  /** The field's text; a missing or blank one, or one longer than {@code maxLength}, adds its error. */
  public static String requiredWithin(VariableScope scope, String field, int maxLength, List<FieldError> errors) {
    String value = required(scope, field, errors);
    if (!isBlank(value) && value.length() > maxLength) {
      errors.add(new FieldError(field, "reason.maxLength", maxLength));
    }
    return value;
  }

  /**
   * Whether the value is one of {@code allowed}; a missing value is not (the JDK's immutable collections throw at a
   * question about null, which would answer a client's missing field with a server error).
   */
  public static boolean isOneOf(Collection<?> allowed, Object value) {
    return value != null && allowed.contains(value);
  }

  /** The field's text; one that is not among {@code allowed} adds an error saying which are. */
  public static String oneOf(VariableScope scope, String field, List<String> allowed, List<FieldError> errors) {
    String value = text(scope, field);
    if (!isOneOf(allowed, value)) {
      errors.add(new FieldError(field, "reason.oneOf", allowed));
    }
    return value;
  }

  private FormValues() {}
}
