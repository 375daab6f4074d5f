package org.itops.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.itops.attachment.Attachments;
import org.itops.platform.Csv;
import org.itops.platform.SuiteProperties;
import org.itops.platform.SuiteTime;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Attaches to an audit, for a control the suite runs ({@link ControlEvidence}), the evidence of the audit's period
 * from the suite's records: a CSV and an HTML report, as attachments of the audit, so that they download and list
 * like every other attachment and the owner's own files sit next to them. The period is the calendar quarter before
 * the one in which the audit started, in the suite's time zone (the quarterly audit starts on a quarter's first day).
 */
@Service
class EvidenceReports {

  /** The period an audit covers: {@code [from, to)}. */
  record Period(Instant from, Instant to) {

    /** The calendar quarter before the one of {@code start}, in the zone. */
    static Period quarterBefore(Instant start, ZoneId zone) {
      LocalDate day = start.atZone(zone).toLocalDate();
      LocalDate quarter = day.withDayOfMonth(1).withMonth(day.getMonthValue() - (day.getMonthValue() - 1) % 3);
      return new Period(quarter.minusMonths(3).atStartOfDay(zone).toInstant(), quarter.atStartOfDay(zone).toInstant());
    }
  }

  private final AuditRepository audits;
  private final Map<String, ControlEvidence> sources;
  private final Attachments attachments;
  private final EvidenceTexts texts;
  private final SuiteTime time;
  private final SuiteProperties suite;

  EvidenceReports(AuditRepository audits, List<ControlEvidence> sources, Attachments attachments,
      EvidenceTexts texts, SuiteTime time, SuiteProperties suite) {
    this.audits = audits;
    this.sources = sources.stream().collect(Collectors.toMap(ControlEvidence::control, Function.identity()));
    this.attachments = attachments;
    this.texts = texts;
    this.time = time;
    this.suite = suite;
  }

  /**
   * Attaches the control's evidence to the audit, once: a file already there (a step run again) is not made twice.
   * A control the suite does not run gets nothing.
   */
  void attach(String number, String control) {
    ControlEvidence source = sources.get(control);
    if (source == null) {
      return;
    }
    Instant started = audits.audit(number).orElseThrow().createdAt();
    Period period = audits.period(number).map(given -> new Period(given.from(), given.to()))
        .orElseGet(() -> Period.quarterBefore(started, time.zone()));
    List<String> header = new ArrayList<>(List.of(texts.text("evidence.record"), texts.text("evidence.link")));
    source.columns().forEach(key -> header.add(texts.text(key)));
    List<ControlEvidence.Row> rows = source.rows(period.from(), period.to());
    List<String> present = attachments.of(number).stream().map(Attachments.Summary::fileName).toList();
    String name = number + "-" + control + "-evidence";
    if (!present.contains(name + ".csv")) {
      attachments.add(number, name + ".csv", bytes(Csv.file(csv(header, rows))), "system");
    }
    if (!present.contains(name + ".html")) {
      attachments.add(number, name + ".html", bytes(html(number, source, period, header, rows)), "system");
    }
  }

  private String csv(List<String> header, List<ControlEvidence.Row> rows) {
    return Csv.write(header, rows.stream().map(row -> {
      List<String> cells = new ArrayList<>(List.of(row.record(), suite.baseUrlWithoutSlash() + row.link()));
      cells.addAll(row.cells());
      return cells;
    }).toList());
  }

  private String html(String number, ControlEvidence source, Period period, List<String> header,
      List<ControlEvidence.Row> rows) {
    String title = texts.text("evidence.title", source.control(), number, time.format(period.from()),
        time.format(period.to()));
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(suite.language().toLanguageTag())
        .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title></head><body>\n<h1>")
        .append(escape(title)).append("</h1>\n<p>").append(escape(texts.text("evidence.source", rows.size())))
        .append("</p>\n");
    if (!source.note().isEmpty()) {
      html.append("<p>").append(escape(source.note())).append("</p>\n");
    }
    html.append("<table border=\"1\">\n<tr>");
    // the record's number is the link to it: the link's own column of the CSV is left out
    header.stream().filter(column -> !column.equals(header.get(1)))
        .forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
    html.append("</tr>\n");
    for (ControlEvidence.Row row : rows) {
      html.append("<tr><td><a href=\"").append(escape(suite.baseUrlWithoutSlash() + row.link())).append("\">")
          .append(escape(row.record())).append("</a></td>");
      row.cells().forEach(cell -> html.append("<td>").append(escape(cell).replace("\n", "<br>")).append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, StandardCharsets.UTF_8.name());
  }

  private static Attachments.Content bytes(String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(content);
  }
}
