package org.itops.securityops;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.Times;

/**
 * A reported security incident, from the start form, {@code POST /api/security-incidents} or an alert.
 * {@code detectedAt} (ISO-8601 with offset) starts the regulator's clock; empty means now.
 */
public record SecurityIncidentReport(String summary, String description, String severity, String detectedAt,
    String affectedAssets) {

  static final int MAX_SUMMARY = 200;
  public static final int MAX_TEXT = 4000;
  static final int MAX_ASSETS = 1000;

  /** Everything wrong with the report, judged at {@code now}. */
  List<FieldError> fieldErrors(Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (summary == null || summary.isBlank() || summary.length() > MAX_SUMMARY) {
      errors.add(new FieldError("summary", "reason.requiredMaxLength", MAX_SUMMARY));
    }
    if (description == null || description.isBlank() || description.length() > MAX_TEXT) {
      errors.add(new FieldError("description", "reason.requiredMaxLength", MAX_TEXT));
    }
    if (severity == null || !SecurityIncidentProcess.SEVERITIES.contains(severity)) {
      errors.add(new FieldError("severity", "reason.requiredOneOf", SecurityIncidentProcess.SEVERITIES));
    }
    if (affectedAssets != null && affectedAssets.length() > MAX_ASSETS) {
      errors.add(new FieldError("affectedAssets", "reason.maxLength", MAX_ASSETS));
    }
    try {
      Instant detected = detected(now);
      if (detected.isAfter(now)) {
        errors.add(new FieldError("detectedAt", "reason.security.detectedInFuture"));
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("detectedAt", "reason.notADateTimeWithOffset.example", detectedAt,
          "2026-12-01T08:30:00Z"));
    }
    return errors;
  }

  /** When it was detected: the given time, or {@code now} when none was given. */
  Instant detected(Instant now) {
    Instant detected = Times.parse(detectedAt);
    return detected == null ? now : detected;
  }

}
