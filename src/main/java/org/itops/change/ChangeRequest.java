package org.itops.change;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Times;

/**
 * A request for change as someone raises it (API body, Tasklist start form).
 *
 * @param type the type asked for: {@code standard} (a pre-approved kind of change), {@code normal} or
 *     {@code emergency}; DMN change-classification decides what it becomes
 * @param configurationItems the items it touches, {@code name@environment} (a bare name is looked up as incidents do)
 * @param plannedStart the start of its window (ISO-8601 with offset, e.g. {@code 2026-12-01T20:00:00Z})
 * @param sourceRecord the record that raised it, e.g. the demand or implementation {@code DMD-000012}
 */
public record ChangeRequest(String summary, String reason, String type, String impact, List<String> configurationItems,
    String implementationPlan, String backoutPlan, String testEvidence, String plannedStart, String plannedEnd,
    String sourceRecord) {

  static final Set<String> TYPES = Set.of("standard", "normal", "emergency");
  static final Set<String> LEVELS = Set.of("high", "medium", "low");
  static final int MAX_SUMMARY = 200;
  static final int MAX_TEXT = 4000;

  /** The problems that can be judged without the CMDB and the DMN table. */
  List<FieldError> fieldErrors(Instant now) {
    List<FieldError> errors = new ArrayList<>();
    text("summary", summary, MAX_SUMMARY, true, errors);
    text("reason", reason, MAX_TEXT, true, errors);
    text("implementationPlan", implementationPlan, MAX_TEXT, true, errors);
    text("backoutPlan", backoutPlan, MAX_TEXT, false, errors);
    text("testEvidence", testEvidence, MAX_TEXT, false, errors);
    if (type == null || !TYPES.contains(type)) {
      errors.add(new FieldError("type", "reason.change.type"));
    }
    if (impact == null || !LEVELS.contains(impact)) {
      errors.add(new FieldError("impact", "reason.level"));
    }
    if (items().isEmpty()) {
      errors.add(new FieldError("configurationItems", "reason.change.itemRequired"));
    }
    Instant start = instant("plannedStart", plannedStart, errors);
    Instant end = instant("plannedEnd", plannedEnd, errors);
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add(new FieldError("plannedEnd", "reason.change.endAfterStart"));
      }
      if (start.isBefore(now)) {
        errors.add(new FieldError("plannedStart", "reason.inThePast"));
      }
    }
    if (sourceRecord != null && !sourceRecord.isBlank() && !sourceRecord.strip().matches("[A-Z]{3}-\\d{6}")) {
      errors.add(new FieldError("sourceRecord", "reason.recordNumber"));
    }
    return errors;
  }

  List<String> items() {
    return configurationItems == null ? List.of()
        : configurationItems.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).distinct().toList();
  }

  boolean hasBackoutPlan() {
    return backoutPlan != null && !backoutPlan.isBlank();
  }

  boolean hasTestEvidence() {
    return testEvidence != null && !testEvidence.isBlank();
  }

  Instant start() {
    return Times.parse(plannedStart);
  }

  Instant end() {
    return Times.parse(plannedEnd);
  }

  /** Items of a form's text field: one per line or separated by commas. */
  public static List<String> splitItems(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  /** A form or variable value as the text this record reads: dates as ISO instants. */
  public static String timeText(Object value) {
    return value instanceof Date date ? date.toInstant().toString() : value == null ? null : value.toString();
  }

  private static Instant instant(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "reason.requiredDateTime"));
      return null;
    }
    try {
      return Times.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "reason.notADateTimeWithOffset.example", text, "2026-12-01T20:00:00Z"));
      return null;
    }
  }

  private static void text(String field, String value, int max, boolean required, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "reason.required"));
      }
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "reason.maxLength", max));
    }
  }
}
