package org.itops.securityops;

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

/**
 * {@code /api/security-incidents}: report a security incident (the security team and the service desk) or a security
 * concern (anybody), read it (the security team: all of it; the reporter: their own report's status), add evidence
 * (the security team).
 */
@RestController
@RequestMapping("/api/security-incidents")
class SecurityIncidentController {

  /** The longest list one request reads. */
  static final int MAX_LIST = 200;

  private final SecurityIncidentService incidents;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;

  SecurityIncidentController(SecurityIncidentService incidents, IdempotencyKeys idempotencyKeys,
      CurrentUser currentUser) {
    this.incidents = incidents;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
  }

  record Evidence(String description, String location) {}

  /** What anybody with a login saw; the security team grades it (severity, when it was detected) at triage. */
  record Concern(String summary, String description, String affectedAssets) {}

  /** A full report of the security team or the service desk (who may start {@code security-incident}). */
  @PostMapping
  ResponseEntity<Map<String, Object>> report(@RequestBody SecurityIncidentReport report,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    return created(idempotencyKeys.createOnce("security-incident", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(report), () -> incidents.report(report)));
  }

  /** A security concern of anybody with a login: a security incident with them as its reporter. */
  @PostMapping("/concerns")
  ResponseEntity<Map<String, Object>> reportConcern(@RequestBody Concern concern,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    return created(idempotencyKeys.createOnce("security-concern", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(concern),
        () -> incidents.reportConcern(concern.summary(), concern.description(), concern.affectedAssets())));
  }

  private static ResponseEntity<Map<String, Object>> created(IdempotencyKeys.Created created) {
    return created.answerAt("/api/security-incidents/" + created.recordNumber());
  }

  /** The security team reads the incident and its timeline; its reporter the status of their report. */
  @GetMapping("/{number}")
  Object get(@PathVariable String number) {
    return incidents.readsSecurityIncidents() ? incidents.details(number) : incidents.reporterView(number);
  }

  /** The security team's list; anybody else's list holds their own reports only. */
  @GetMapping
  Map<String, Object> list() {
    return Map.of("items", incidents.readsSecurityIncidents() ? incidents.list(MAX_LIST)
        : incidents.ownReports(MAX_LIST));
  }

  @PostMapping("/{number}/evidence")
  ResponseEntity<Void> addEvidence(@PathVariable String number, @RequestBody Evidence evidence) {
    incidents.addEvidence(number, evidence.description(), evidence.location());
    return ResponseEntity.noContent().build();
  }
}
