package org.itops.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * What someone reports (API body, Tasklist start form, later alerts and mail).
 *
 * @param service the catalog service it concerns (optional; else the service of its configuration item)
 * @param reporter the user the incident is reported for; null means whoever reports it
 * @param major declared a major incident right away (a P1 is one anyway)
 */
public record IncidentReport(String title, String description, String impact, String urgency, String category,
    String configurationItem, String service, String reporter, Boolean major) {

  static final Set<String> LEVELS = Set.of("high", "medium", "low");
  public static final int MAX_TITLE = 200;
  public static final int MAX_TEXT = 4000;
  static final int MAX_CONFIGURATION_ITEM = 200;
  static final int MAX_SERVICE = 100;

  /** The problems of the fields that can be judged without the engine (category and reporter need it). */
  List<FieldError> fieldErrors() {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank()) {
      errors.add(new FieldError("title", "reason.required"));
    } else if (title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "reason.maxLength", MAX_TITLE));
    }
    if (description != null && description.length() > MAX_TEXT) {
      errors.add(new FieldError("description", "reason.maxLength", MAX_TEXT));
    }
    level("impact", impact, errors);
    level("urgency", urgency, errors);
    if (category == null || category.isBlank()) {
      errors.add(new FieldError("category", "reason.required"));
    }
    if (configurationItem != null && configurationItem.length() > MAX_CONFIGURATION_ITEM) {
      errors.add(new FieldError("configurationItem", "reason.maxLength", MAX_CONFIGURATION_ITEM));
    }
    if (service != null && service.length() > MAX_SERVICE) {
      errors.add(new FieldError("service", "reason.maxLength", MAX_SERVICE));
    }
    return errors;
  }

  private static void level(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "reason.levelRequired"));
    } else if (!LEVELS.contains(value)) {
      errors.add(new FieldError(field, "reason.notOneOf", value, "high, medium, low"));
    }
  }
}
