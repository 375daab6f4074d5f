package org.itops.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.itops.kpi.KpiService;
import org.itops.kpi.Kpis;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.ReportPeriod;
import org.itops.platform.SuiteText;
import org.itops.platform.SuiteTime;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service reviews (guide 4.2, 4.4): the KPI report of a period, kept with the review and its decisions. */
@Service
public class ReviewService {

  static final String RECORD_PREFIX = "REV";
  static final String PROCESS_KEY = "service-review";

  /** A service's availability below its target in a month. */
  public record BelowTarget(Kpis.ServiceAvailability availability, YearMonth month) {}

  /** A review's record as the process needs it. */
  public record Review(String number, Instant from, Instant to, String service, Kpis kpis) {}

  private final KpiService kpiService;
  private final ReviewRepository reviews;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final ObjectMapper json;
  private final ReviewReadRule readRule;
  private final ZoneId zone;

  ReviewService(KpiService kpiService, ReviewRepository reviews, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      ObjectMapper json, ReviewReadRule readRule, SuiteTime time) {
    this.zone = time.zone();
    this.kpiService = kpiService;
    this.reviews = reviews;
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
      reviews.insert(new ServiceReview(recordNumber, start, end, service, json.writeValueAsString(kpis), null, null,
          "IN_REVIEW", clock.instant(), null));
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
    reviews.reviewed(number, assessment, String.join("\n", decided), clock.instant());
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
        figure(kpis.satisfaction().csat())) + availability(kpis.availability(), text);
  }

  /** Each service's availability against its target, in one line; nothing when no service has a target. */
  private static String availability(List<Kpis.ServiceAvailability> services, SuiteText text) {
    return services.isEmpty() ? "" : text.get("review.availability", String.join("; ", services.stream()
        .map(a -> text.get(Boolean.FALSE.equals(a.met()) ? "review.availability.belowTarget"
            : "review.availability.service", a.service(), figure(a.availabilityPercent()),
            String.valueOf(a.targetPercent()))).toList()));
  }

  /**
   * The services below their availability target in the month the review covers (none for a review of another
   * period), that no review of that month has started an improvement for yet: each is noted in
   * {@code availability_improvement} (V25) as it is answered, in the transaction that starts its improvement, so that
   * a retry or a second review of the month starts none again.
   */
  @Transactional
  public List<BelowTarget> belowTargetInItsMonth(String number) {
    ServiceReview review = reviews.find(number).orElseThrow(); // the process of this review is running
    Instant from = review.periodFrom();
    Instant to = review.periodTo();
    ZoneId monthZone = isAMonth(from, to, ZoneOffset.UTC) ? ZoneOffset.UTC : isAMonth(from, to, zone) ? zone : null;
    if (monthZone == null) {
      return List.of();
    }
    YearMonth month = YearMonth.from(from.atZone(monthZone));
    return kpiService.availability(from, to, review.service()).stream()
        .filter(a -> Boolean.FALSE.equals(a.met()))
        .filter(a -> noted(a.service(), from, number)).map(a -> new BelowTarget(a, month)).toList();
  }

  /**
   * Notes that the review starts the service's improvement for the month; false when one was started before. Two
   * reviews of the month at once: the second's insert breaks the primary key, and its retry finds the first's.
   */
  private boolean noted(String service, Instant month, String number) {
    if (reviews.improvementNoted(service, month)) {
      return false;
    }
    reviews.insert(new AvailabilityImprovement(service, month, number, null));
    return true;
  }

  /** Notes the improvement started for the service's month. */
  @Transactional
  public void improvementStarted(String service, String number, String improvement) {
    reviews.improvementStarted(service, number, improvement);
  }

  /** Whether {@code [from, to)} is a calendar month in the zone. */
  static boolean isAMonth(Instant from, Instant to, ZoneId zone) {
    ZonedDateTime start = from.atZone(zone);
    return start.getDayOfMonth() == 1 && start.toLocalTime().equals(LocalTime.MIDNIGHT)
        && start.plusMonths(1).toInstant().equals(to);
  }

  private static String figure(Double value) {
    return value == null ? "-" : String.valueOf(value);
  }

  /** The review, if the current user reads it ({@link ReviewReadRule}); empty while its report is not built yet. */
  Optional<ServiceReview> view(String number) {
    readRule.requireReads(number);
    return reviews.find(number);
  }
}
