package org.itops.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Dates and times as forms, REST clients and earlier process steps leave them in variables. */
public final class Times {

  /**
   * A form's date-time field or an API's text (ISO-8601 with an offset or Z), or a Date an earlier step set; null for
   * nothing or blank text.
   *
   * @throws DateTimeParseException for text that is no such date and time
   */
  public static Instant parse(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return Instant.parse(text);
    }
  }

  private Times() {}
}
