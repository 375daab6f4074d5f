package org.itops.improvement;

import static org.itops.platform.FormValues.blankToNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.itops.kpi.KpiService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvements (guide 8): proposals from reviews, drills, retrospectives, low surveys or anyone, evaluated and
 * approved, then Plan, Do, Check (the target KPI over the 30 days before and after), Act.
 */
@Service
public class ImprovementService {

  static final String PROCESS_KEY = "continuous-improvement";
  static final String RECORD_PREFIX = "IMP";
  /** How long a KPI is measured before the improvement and after it. */
  static final Duration MEASUREMENT = Duration.ofDays(30);

  private final ImprovementRepository improvements;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final KpiService kpis;
  private final CurrentUser currentUser;

  ImprovementService(ImprovementRepository improvements, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, IdentityService identityService, KpiService kpis, CurrentUser currentUser) {
    this.improvements = improvements;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.kpis = kpis;
    this.currentUser = currentUser;
  }

  /**
   * Starts {@code continuous-improvement} for a proposal of the suite (a review's action, a drill, a retrospective, a
   * low rating); {@code trainees} (user ids, comma separated) and {@code trainingTopic} are training needs the plan
   * starts from. Answers the number.
   */
  @Transactional
  public String propose(String title, String description, String source, String service, String proposer,
      String trainees, String trainingTopic) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("trainees", trainees);
    variables.put("trainingTopic", trainingTopic);
    variables.put("title", title.length() > 200 ? title.substring(0, 200) : title);
    variables.put("description", description);
    variables.put("source", source);
    variables.put("service", service);
    variables.put("proposer", proposer);
    return currentUser.asSystem(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables))
        .getBusinessKey();
  }

  /** Validates the proposal and creates the record; the process's first step. */
  @Transactional
  public String register(String title, String description, String source, String targetKpi, String service,
      String proposer) {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank() || title.length() > 200) {
      errors.add(new FieldError("title", "reason.requiredMaxLength", 200));
    }
    if (description != null && description.length() > 4000) {
      errors.add(new FieldError("description", "reason.maxLength", 4000));
    }
    if (targetKpi != null && !targetKpi.isBlank() && !KpiService.TARGETS.containsKey(targetKpi)) {
      errors.add(new FieldError("targetKpi", "reason.oneOf", KpiService.TARGETS.keySet()));
    }
    if (proposer == null) {
      errors.add(new FieldError("proposer", "reason.requiredWithoutLogin"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String number = recordNumbers.next(RECORD_PREFIX);
    improvements.insert(new Improvement(number, title.strip(), description,
        source == null || source.isBlank() ? "proposal" : source, blankToNull(targetKpi), blankToNull(service),
        "PROPOSED", 0, null, null, null, proposer, clock.instant(), null));
    timeline.record(number, "PROPOSED", "timeline.improvement.proposed", title.strip(),
        source == null ? Timeline.text("timeline.improvement.aProposal") : source);
    return number;
  }

  /** A step of the cycle: its status and what happened, on the timeline. */
  @Transactional
  public void step(String number, String status, String type, String key, Object... arguments) {
    load(number);
    improvements.status(number, status);
    timeline.record(number, type, key, arguments);
  }

  @Transactional
  public void evaluated(String number, String targetKpi) {
    load(number);
    improvements.evaluated(number, targetKpi);
  }

  /**
   * Measures the target KPI over the 30 days before now: before the Do step (the baseline) or after the effect
   * period (the result). Answers the value, null when the period had nothing to measure.
   */
  @Transactional
  public BigDecimal measure(String number, boolean baseline) {
    Improvement improvement = load(number);
    String key = improvement.targetKpi();
    Instant now = clock.instant();
    Double value = KpiService.value(kpis.of(now.minus(MEASUREMENT), now, improvement.service()), key);
    BigDecimal measured = value == null ? null : BigDecimal.valueOf(value);
    if (baseline) {
      improvements.baseline(number, measured);
    } else {
      improvements.result(number, measured);
    }
    timeline.record(number, baseline ? "BASELINE_MEASURED" : "EFFECT_MEASURED", "timeline.improvement.measured",
        KpiService.TARGETS.get(key), measured == null ? Timeline.text("timeline.improvement.nothingToMeasure")
        : measured, now);
    return measured;
  }

  /** The users who need the training, one per comma: each must be a user of the suite. */
  public List<String> trainees(String text) {
    List<String> users = text == null ? List.of() : List.of(text.split(",")).stream().map(String::strip)
        .filter(user -> !user.isEmpty()).distinct().toList();
    List<String> unknown = users.stream().filter(user -> identityService.createUserQuery().userId(user).count() == 0)
        .toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException("trainees", "reason.notUsers", unknown);
    }
    return users;
  }

  @Transactional
  public void trained(String number, String user, String topic, String notes) {
    load(number);
    improvements.insert(new TrainingRecord(number, user, topic, clock.instant(), notes));
    timeline.record(number, "TRAINED", "timeline.improvement.trained", user, topic);
  }

  @Transactional
  public void close(String number, String outcome, String detail) {
    load(number);
    improvements.closed(number, outcome, clock.instant());
    timeline.record(number, "CLOSED", "timeline.withNotes", outcome, Timeline.because(detail));
  }

  @Transactional(readOnly = true)
  Improvement load(String number) {
    return improvements.find(number)
        .orElseThrow(() -> new NotFoundException("detail.notFound.improvement", number));
  }
}
