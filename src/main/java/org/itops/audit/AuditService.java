package org.itops.audit;

import static org.itops.audit.AuditProcess.Var;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.audit.AuditRepository.Audit;
import org.itops.audit.AuditRepository.Control;
import org.itops.audit.AuditRepository.Evidence;
import org.itops.audit.AuditRepository.Finding;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.ReportPeriod;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance audits. The {@code compliance-audit} process calls it through thin delegates and its task listener; the
 * API calls it for audits on demand and their reports.
 */
@Service
public class AuditService {

  /** An audit report: the scope with its evidence, the findings and their remediation, the timeline. */
  public record Report(Audit audit, List<Evidence> controls, List<Finding> findings, List<Timeline.Entry> timeline) {}

  /** A finding as the auditor writes it: {@code CONTROL: what is wrong}. */
  record FindingLine(String control, String description) {
    static FindingLine parse(String line) {
      int colon = line.indexOf(':');
      return colon < 0 ? new FindingLine(null, line.strip())
          : new FindingLine(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
  }

  private final AuditRepository audits;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final AuditReadRule readRule;

  AuditService(AuditRepository audits, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, CurrentUser currentUser, AuditReadRule readRule) {
    this.audits = audits;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.readRule = readRule;
  }

  /** Starts {@code compliance-audit} as the current user (the engine checks who may); answers the number. */
  @Transactional
  public String audit(String title, List<String> controls) {
    return audit(title, controls, null);
  }

  /**
   * The same, with the period its generated evidence covers ({@code null}: the calendar quarter before the audit
   * starts).
   */
  @Transactional
  public String audit(String title, List<String> controls, ReportPeriod period) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.AUDIT_TITLE, title);
    variables.put(Var.CONTROLS, controls == null ? null : String.join(",", controls));
    if (period != null) {
      variables.put(Var.PERIOD_FROM, Date.from(period.from()));
      variables.put(Var.PERIOD_TO, Date.from(period.to()));
    }
    return runtimeService.startProcessInstanceByKey(AuditProcess.KEY, variables).getBusinessKey();
  }

  public List<Control> controls() {
    return audits.controls();
  }

  /**
   * Creates the audit's record; the process's first step. No controls given (the quarterly timer) means every
   * control; unknown controls are refused.
   */
  @Transactional
  public Audit register(String title, String controls, String startedBy, ReportPeriod period) {
    List<FieldError> errors = new ArrayList<>();
    List<String> known = audits.controls().stream().map(Control::code).toList();
    List<String> scope = controls == null || controls.isBlank() ? known
        : List.copyOf(new LinkedHashSet<>(Arrays.stream(controls.split(",")).map(String::strip)
            .filter(code -> !code.isEmpty()).toList()));
    scope.stream().filter(code -> !known.contains(code)).forEach(code -> errors.add(new FieldError(Var.CONTROLS,
        "reason.audit.notAControl", code, known)));
    if (scope.isEmpty()) {
      errors.add(new FieldError(Var.CONTROLS, "reason.audit.controlRequired"));
    }
    String name = title == null || title.isBlank() ? "Audit of " + clock.instant().toString().substring(0, 10)
        : title.strip();
    if (name.length() > 200) {
      errors.add(new FieldError(Var.AUDIT_TITLE, "reason.maxLength", 200));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Audit audit = new Audit(recordNumbers.next(AuditProcess.RECORD_PREFIX), name, "COLLECTING", startedBy, null,
        clock.instant(), null, period == null ? null : period.from(), period == null ? null : period.to());
    audits.insert(audit, scope);
    timeline.record(audit.number(), "STARTED", "timeline.audit.started", scope, startedBy);
    return audit;
  }

  /** The owner group of a control (the evidence and remediation tasks go to it). */
  public String ownerOf(String control) {
    return audits.controls().stream().filter(c -> c.code().equals(control)).map(Control::ownerGroup).findFirst()
        .orElseThrow(() -> new IllegalStateException("No control " + control));
  }

  public List<String> scopeOf(String number) {
    return audits.evidence(number).stream().map(Evidence::controlCode).toList();
  }

  @Transactional
  public void evidence(String number, String control, String evidence) {
    if (!audits.submitEvidence(number, control, evidence.strip(), actor(), clock.instant())) {
      throw new IllegalStateException("Control " + control + " is not in the scope of " + number);
    }
    timeline.record(number, "EVIDENCE", "timeline.labelled", control, evidence.strip());
  }

  /** The auditor's findings, one a line ({@code CONTROL: what is wrong}); each names a control of the scope. */
  List<FieldError> findingErrors(String number, List<String> lines, Instant due) {
    List<FieldError> errors = new ArrayList<>();
    List<String> scope = scopeOf(number);
    for (String line : lines) {
      FindingLine finding = FindingLine.parse(line);
      if (finding.control() == null || !scope.contains(finding.control()) || finding.description().isEmpty()) {
        errors.add(new FieldError(Var.FINDINGS, "reason.audit.finding", line, scope));
      } else if (line.length() > 1000) {
        errors.add(new FieldError(Var.FINDINGS, "reason.audit.findingTooLong"));
      }
    }
    if (!lines.isEmpty() && (due == null || !due.isAfter(clock.instant()))) {
      errors.add(new FieldError(Var.REMEDIATION_DUE, "reason.audit.remediationDue"));
    }
    return errors;
  }

  @Transactional
  public void reviewed(String number, List<String> lines, Instant due) {
    lines.stream().map(FindingLine::parse)
        .forEach(f -> audits.insert(AuditRepository.Finding.open(number, f.control(), f.description(), due)));
    audits.update(load(number).with(lines.isEmpty() ? "REVIEWED" : "REMEDIATING"));
    timeline.record(number, "REVIEWED", lines.isEmpty() ? "timeline.audit.noFindings" : "timeline.audit.findings",
        lines.size(), due, String.join("; ", lines));
  }

  @Transactional
  public void remediated(String number, String line, String notes) {
    FindingLine finding = FindingLine.parse(line);
    if (!audits.closeFinding(number, finding.control(), finding.description(), actor(), clock.instant(), notes)) {
      throw new IllegalStateException("No open finding '" + line + "' of " + number);
    }
    timeline.record(number, "REMEDIATED", "timeline.labelled", line, notes);
  }

  @Transactional
  public void remediationOverdue(String number) {
    List<String> open = audits.findings(number).stream().filter(f -> f.status().equals("OPEN"))
        .map(f -> f.controlCode() + ": " + f.description()).toList();
    timeline.record(number, "REMEDIATION_OVERDUE", "timeline.overdue", String.join("; ", open));
  }

  @Transactional
  public void close(String number) {
    List<Finding> findings = audits.findings(number);
    String conclusion = findings.isEmpty() ? "No findings" : findings.size() + " findings, all remediated";
    audits.update(load(number).closed(conclusion, clock.instant()));
    timeline.record(number, "CLOSED", "timeline.typed", conclusion);
  }

  /** The audit's report, if the current user reads it ({@link AuditReadRule}). */
  @Transactional(readOnly = true)
  public Report report(String number) {
    readRule.requireReads(number);
    return new Report(load(number), audits.evidence(number), audits.findings(number), timeline.of(number));
  }

  private Audit load(String number) {
    return audits.audit(number).orElseThrow(() -> new NotFoundException("detail.notFound.audit", number));
  }

  private String actor() {
    return currentUser.id() == null ? "system" : currentUser.id();
  }
}
