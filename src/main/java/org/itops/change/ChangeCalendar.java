package org.itops.change;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.itops.platform.SuiteText;

/**
 * The change calendar as iCalendar (RFC 5545): one event per change window and per freeze period, so that people
 * can subscribe to it in their mail client. Times in UTC (clients show them in their own zone), the suite's words in
 * its language, what people typed as they typed it.
 */
final class ChangeCalendar {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  static String ics(List<Change> changes, List<ChangeRepository.Freeze> freezes, String baseUrl, Instant now,
      String host, SuiteText text) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//ITOps Process Suite//Change calendar//EN");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "X-WR-CALNAME:" + escape(text.get("calendar.name")));
    for (Change change : changes) {
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + change.number() + "@" + host);
      line(ics, "DTSTAMP:" + UTC.format(now));
      line(ics, "DTSTART:" + UTC.format(change.plannedStart()));
      line(ics, "DTEND:" + UTC.format(change.plannedEnd()));
      line(ics, "SUMMARY:" + escape(change.number() + " " + change.summary()));
      line(ics, "DESCRIPTION:" + escape(text.get("calendar.change", change.classification(), change.risk(),
          change.status(), String.join(", ", change.configurationItems())) + "\n" + change.implementationPlan()));
      line(ics, "CATEGORIES:" + escape(change.classification() == null ? "change" : change.classification()));
      line(ics, "STATUS:" + (change.status() == Change.Status.SCHEDULED || change.status() == Change.Status.IMPLEMENTING
          || change.status() == Change.Status.REVIEW ? "CONFIRMED" : "TENTATIVE"));
      line(ics, "URL:" + baseUrl + "/api/changes/" + change.number());
      line(ics, "END:VEVENT");
    }
    for (ChangeRepository.Freeze freeze : freezes) {
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:freeze-" + freeze.id() + "@" + host);
      line(ics, "DTSTAMP:" + UTC.format(now));
      line(ics, "DTSTART:" + UTC.format(freeze.startsAt()));
      line(ics, "DTEND:" + UTC.format(freeze.endsAt()));
      line(ics, "SUMMARY:" + escape(text.get("calendar.freeze", freeze.name())));
      line(ics, "DESCRIPTION:" + escape(freeze.reason() == null ? text.get("calendar.freeze.noReason")
          : freeze.reason()));
      line(ics, "CATEGORIES:freeze");
      line(ics, "TRANSP:TRANSPARENT");
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  /**
   * Text values escape backslash, semicolon, comma and every line break (CRLF, LF and a bare CR alike: a client may
   * end a line at any of them, and what followed would be a property of its own); other control characters, which
   * RFC 5545 does not allow in text, are left out.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', ';', ',' -> escaped.append('\\').append(c);
        case '\r' -> {
          escaped.append("\\n");
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> escaped.append("\\n");
        default -> {
          if (c == '\t' || !Character.isISOControl(c)) {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /** A content line, folded at 75 octets (never inside a UTF-8 character), ended by CRLF. */
  private static void line(StringBuilder ics, String content) {
    int octets = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int size = character.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        ics.append(current).append("\r\n ");
        current.setLength(0);
        octets = 1;
      }
      current.append(character);
      octets += size;
      i += Character.charCount(codePoint);
    }
    ics.append(current).append("\r\n");
  }

  private ChangeCalendar() {}
}
