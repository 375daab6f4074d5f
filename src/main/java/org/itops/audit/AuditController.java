package org.itops.audit;

import java.util.List;
import java.util.Map;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
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

  AuditController(AuditService audits, IdempotencyKeys idempotencyKeys, CurrentUser currentUser) {
    this.audits = audits;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
  }

  record AuditRequest(String title, List<String> controls) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> start(@RequestBody AuditRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("audit", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(request), () -> audits.audit(request.title(), request.controls()));
    String report = "/api/audits/" + created.recordNumber() + "/report";
    return created.answer(report, Map.of("number", created.recordNumber(), "report", report));
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
