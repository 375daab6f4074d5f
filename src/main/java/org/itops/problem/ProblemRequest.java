package org.itops.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * A problem as a staff member raises it (API body): what it is about, and the incidents it already explains.
 *
 * @param configurationItem the item its incidents occur on ({@code name@environment}), or null with a service
 * @param incidents incident numbers to link at once
 */
public record ProblemRequest(String title, String description, String category, String configurationItem,
    String service, List<String> incidents) {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 4000;

  List<FieldError> fieldErrors() {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "reason.length", MAX_TITLE));
    }
    if (description != null && description.length() > MAX_TEXT) {
      errors.add(new FieldError("description", "reason.length", MAX_TEXT));
    }
    if (category == null || category.isBlank()) {
      errors.add(new FieldError("category", "reason.required"));
    }
    return errors;
  }

  /** The incident numbers of a form's field: separated by commas or spaces, in any case, each once. */
  static List<String> incidentNumbers(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).map(String::strip)
        .filter(number -> !number.isEmpty()).map(String::toUpperCase).distinct().toList();
  }

  List<String> incidentList() {
    return incidents == null ? List.of() : incidents;
  }
}
