package org.itops.drill;

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

/** {@code /api/drills}: a drill of a plan on demand, and a drill's report. */
@RestController
@RequestMapping("/api/drills")
class DrillController {

  private final DrillService drills;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;

  DrillController(DrillService drills, IdempotencyKeys idempotencyKeys, CurrentUser currentUser) {
    this.drills = drills;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
  }

  record DrillRequest(String plan) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> start(@RequestBody DrillRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("drill", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(request), () -> drills.drillOnDemand(request.plan()));
    String report = "/api/drills/" + created.recordNumber() + "/report";
    return created.answer(report, Map.of("number", created.recordNumber(), "report", report));
  }

  /** The drill's timeline, and what each team measured against the plan's objectives. */
  @GetMapping("/{number}/report")
  DrillService.Report report(@PathVariable String number) {
    return drills.report(number);
  }
}
