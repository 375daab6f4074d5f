package org.itops.incident;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Times;

/**
 * What someone reports (API body, Tasklist start form, later alerts and mail).
 *
 * @param service the catalog service it concerns (optional; else the service of its configuration item)
 * @param reporter the user the incident is reported for; null means whoever reports it
 * @param major declared a major incident right away (a P1 is one anyway)
 * @param outageStart when the service stopped working, if the reporter or monitoring knows (ISO-8601 with offset;
 *     optional, else the report's time): an outage counts against the service's availability from then
 */
public record IncidentReport(String title, String description, String impact, String urgency, String category,
    String configurationItem, String service, String reporter, Boolean major, String outageStart) {

  /** A report without an outage start (the outage, if it is one, starts with the report). */
  public IncidentReport(String title, String description, String impact, String urgency, String category,
      String configurationItem, String service, String reporter, Boolean major) {
    this(title, description, impact, urgency, category, configurationItem, service, reporter, major, null);
  }

  static final Set<String> LEVELS = Set.of("high", "medium", "low");
  public static final int MAX_TITLE = 200;
  public static final int MAX_TEXT = 4000;
  static final int MAX_CONFIGURATION_ITEM = 200;
  static final int MAX_SERVICE = 100;

  /** The problems of the fields that can be judged without the engine (category and reporter need it). */
  List<FieldError> fieldErrors(Instant now) {
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
    try {
      Instant start = outageStartTime();
      if (start != null && start.isAfter(now)) {
        errors.add(new FieldError("outageStart", "reason.inTheFuture"));
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("outageStart", "reason.notADateTimeWithOffset.example", outageStart,
          "2026-12-01T08:30:00+01:00"));
    }
    return errors;
  }

  /** The outage start the report gives, null without one. */
  Instant outageStartTime() {
    return Times.parse(outageStart);
  }

  private static void level(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "reason.levelRequired"));
    } else if (!LEVELS.contains(value)) {
      errors.add(new FieldError(field, "reason.notOneOf", value, "high, medium, low"));
    }
  }
}
