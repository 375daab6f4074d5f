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
      errors.add(new FieldError("title", "is required"));
    } else if (title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
    }
    if (description != null && description.length() > MAX_TEXT) {
      errors.add(new FieldError("description", "must be at most " + MAX_TEXT + " characters"));
    }
    level("impact", impact, errors);
    level("urgency", urgency, errors);
    if (category == null || category.isBlank()) {
      errors.add(new FieldError("category", "is required"));
    }
    if (configurationItem != null && configurationItem.length() > MAX_CONFIGURATION_ITEM) {
      errors.add(new FieldError("configurationItem", "must be at most " + MAX_CONFIGURATION_ITEM + " characters"));
    }
    if (service != null && service.length() > MAX_SERVICE) {
      errors.add(new FieldError("service", "must be at most " + MAX_SERVICE + " characters"));
    }
    return errors;
  }

  private static void level(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required (high, medium or low)"));
    } else if (!LEVELS.contains(value)) {
      errors.add(new FieldError(field, "'" + value + "' is not one of high, medium, low"));
    }
  }
}
