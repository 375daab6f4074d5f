package org.itops.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.kpi.KpiService;
import org.itops.kpi.Kpis;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.ReportPeriod;
import org.itops.platform.SuiteText;
import org.itops.platform.Timeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service reviews (guide 4.2, 4.4): the KPI report of a period, kept with the review and its decisions. */
@Service
public class ReviewService {

  static final String RECORD_PREFIX = "REV";
  static final String PROCESS_KEY = "service-review";

  /** A review's record as the process needs it. */
  public record Review(String number, Instant from, Instant to, String service, Kpis kpis) {}

  private final KpiService kpiService;
  private final JdbcTemplate jdbc;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final ObjectMapper json;
  private final ReviewReadRule readRule;

  ReviewService(KpiService kpiService, JdbcTemplate jdbc, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      ObjectMapper json, ReviewReadRule readRule) {
    this.kpiService = kpiService;
    this.jdbc = jdbc;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.json = json;
    this.readRule = readRule;
  }

  /** The number of a review asked for, before its report is built. */
  String newNumber() {
    return recordNumbers.next(RECORD_PREFIX);
  }

  /**
   * Builds the KPI report of the period (null: the previous month, as the monthly timer starts it) and keeps it with
   * the review record {@code number} (null: a new one).
   */
  @Transactional
  public Review build(String number, Instant from, Instant to, String service) {
    if ((from == null) != (to == null) || (from != null && !to.isAfter(from))
        || (from != null && Duration.between(from, to).compareTo(ReportPeriod.LONGEST) > 0)) {
      throw new InvalidRequestException("periodTo", "reason.review.period");
    }
    YearMonth previous = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
    Instant start = from != null ? from : previous.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to != null ? to : previous.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Kpis kpis = kpiService.of(start, end, service);
    String recordNumber = number != null ? number : newNumber();
    try {
      jdbc.update("insert into service_review (number, period_from, period_to, service, kpis, status, created_at)"
          + " values (?, ?, ?, ?, ?, 'IN_REVIEW', ?)", recordNumber, Timestamp.from(start), Timestamp.from(end),
          service, json.writeValueAsString(kpis), Timestamp.from(clock.instant()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    timeline.record(recordNumber, "REPORT_BUILT", "timeline.review.reportBuilt", start, end,
        service == null ? "" : Timeline.text("timeline.review.forService", service));
    return new Review(recordNumber, start, end, service, kpis);
  }

  /** The reviewers' assessment and the improvement actions they decided, one per line. */
  @Transactional
  public List<String> assessed(String number, String assessment, String actions) {
    List<String> decided = actions == null ? List.of() : Arrays.stream(actions.split("\n")).map(String::strip)
        .filter(action -> !action.isEmpty()).toList();
    jdbc.update("update service_review set assessment = ?, actions = ?, status = 'REVIEWED', closed_at = ?"
        + " where number = ?", assessment, String.join("\n", decided), Timestamp.from(clock.instant()), number);
    timeline.record(number, "REVIEWED", "timeline.withNotes", assessment,
        decided.isEmpty() ? "" : Timeline.text("timeline.review.actions", decided));
    return decided;
  }

  /** The figures a reviewer reads first, as the form's text. */
  /** The KPIs in a few lines of the suite's language, as the review form shows them. */
  static String summary(Kpis kpis, SuiteText text) {
    Kpis.Incidents incidents = kpis.incidents();
    // as text, so that the message format does not group the digits of counts
    return text.get("review.summary", String.valueOf(incidents.reported()), String.valueOf(incidents.resolved()),
        figure(incidents.responseSlaPercent()), figure(incidents.resolutionSlaPercent()),
        figure(incidents.reopenRatePercent()), String.valueOf(incidents.mttrMinutes()),
        String.valueOf(incidents.backlog()), String.valueOf(kpis.changes().closed()),
        figure(kpis.changes().successRatePercent()), figure(kpis.changes().emergencyRatioPercent()),
        String.valueOf(kpis.demands().delivered()), figure(kpis.demands().leadTimeDays()),
        figure(kpis.demands().acceptanceFirstPassPercent()), String.valueOf(kpis.drills().evaluated()),
        figure(kpis.drills().passRatePercent()), String.valueOf(kpis.satisfaction().answers()),
        figure(kpis.satisfaction().csat()));
  }

  private static String figure(Double value) {
    return value == null ? "-" : String.valueOf(value);
  }

  /** The review, if the current user reads it ({@link ReviewReadRule}); empty while its report is not built yet. */
  Optional<Map<String, Object>> view(String number) {
    readRule.requireReads(number);
    return jdbc.queryForList("select * from service_review where number = ?", number).stream().findFirst();
  }
}
