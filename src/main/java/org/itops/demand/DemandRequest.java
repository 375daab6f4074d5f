package org.itops.demand;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * A demand as a requester raises it (API body, Tasklist start form).
 *
 * @param requestedDate when the requester needs it, {@code 2027-03-31}
 * @param costBand the estimated cost: {@code small} (up to 10,000), {@code medium} (50,000), {@code large}
 *     (200,000), {@code very-large}
 * @param affectedServices services of the catalog it concerns
 */
public record DemandRequest(String title, String businessNeed, String expectedBenefit, String requestedDate,
    String costBand, List<String> affectedServices) {

  static final List<String> COST_BANDS = List.of("small", "medium", "large", "very-large");
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 4000;

  /** The problems that can be judged without the catalog; {@code today} bounds the requested date. */
  List<FieldError> fieldErrors(LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    text("title", title, MAX_TITLE, errors);
    text("businessNeed", businessNeed, MAX_TEXT, errors);
    text("expectedBenefit", expectedBenefit, MAX_TEXT, errors);
    if (costBand == null || !COST_BANDS.contains(costBand)) {
      errors.add(new FieldError("costBand", "reason.oneOf", COST_BANDS));
    }
    if (requestedDate == null || requestedDate.isBlank()) {
      errors.add(new FieldError("requestedDate", "reason.requiredDate", "2027-03-31"));
    } else {
      try {
        if (date().isBefore(today)) {
          errors.add(new FieldError("requestedDate", "reason.inThePast"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("requestedDate", "reason.notADate", requestedDate, "2027-03-31"));
      }
    }
    return errors;
  }

  LocalDate date() {
    return LocalDate.parse(requestedDate.strip().substring(0, Math.min(10, requestedDate.strip().length())));
  }

  List<String> services() {
    return affectedServices == null ? List.of()
        : affectedServices.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
  }

  /** Services of a form's text field, separated by commas. */
  static List<String> splitServices(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }

  private static void text(String field, String value, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "reason.required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "reason.maxLength", max));
    }
  }
}
