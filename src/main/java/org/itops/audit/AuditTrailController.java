package org.itops.audit;

import java.util.List;
import org.itops.platform.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/records/{number}/audit}: who did what and when to a record, as JSON or CSV. */
@RestController
class AuditTrailController {

  private final AuditTrail trail;

  AuditTrailController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/api/records/{number:[A-Z]{3}-\\d+}/audit")
  List<AuditTrail.Entry> audit(@PathVariable String number) {
    return trail.of(number);
  }

  @GetMapping(path = "/api/records/{number:[A-Z]{3}-\\d+}/audit.csv", produces = "text/csv")
  ResponseEntity<String> auditCsv(@PathVariable String number) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"" + number + "-audit.csv\"")
        .body(Csv.file(trail.csv(number)));
  }
}
