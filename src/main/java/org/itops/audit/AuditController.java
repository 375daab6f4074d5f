package org.itops.audit;

import static org.itops.platform.FormValues.isBlank;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.ReportPeriod;
import org.itops.platform.SuiteTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/audits}: an audit on demand, the controls, an audit's report. */
@RestController
@RequestMapping("/api/audits")
class AuditController {

  private final AuditService audits;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final SuiteTime time;

  AuditController(AuditService audits, IdempotencyKeys idempotencyKeys, CurrentUser currentUser, Clock clock,
      SuiteTime time) {
    this.audits = audits;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
    this.clock = clock;
    this.time = time;
  }

  /** {@code from} and {@code to} (dates or instants, both or neither): the period the generated evidence covers. */
  record AuditRequest(String title, List<String> controls, String from, String to) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> start(@RequestBody AuditRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("audit", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(request), () -> audits.audit(request.title(), request.controls(),
            period(request)));
    String report = "/api/audits/" + created.recordNumber() + "/report";
    return created.answer(report, Map.of("number", created.recordNumber(), "report", report));
  }

  /** The period given, at most {@link ReportPeriod#LONGEST}; none: the quarter before the audit starts. */
  private ReportPeriod period(AuditRequest request) {
    boolean from = !isBlank(request.from());
    boolean to = !isBlank(request.to());
    if (!from && !to) {
      return null;
    }
    if (!from || !to) {
      throw new InvalidRequestException(from ? "to" : "from", "reason.required");
    }
    Instant now = clock.instant(); // not used: both bounds are given
    return ReportPeriod.of(request.from(), request.to(), new ReportPeriod(now, now), time.zone());
  }

  @GetMapping("/controls")
  List<AuditRepository.Control> controls() {
    return audits.controls();
  }

  @GetMapping("/{number}/report")
  AuditService.Report report(@PathVariable String number) {
    return audits.report(number);
  }
}
