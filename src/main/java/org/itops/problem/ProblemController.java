package org.itops.problem;

import java.util.List;
import java.util.Map;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Page;
import org.itops.platform.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/problems}: raise and read problems, link and unlink their incidents. */
@RestController
@RequestMapping("/api/problems")
class ProblemController {

  static final int MAX_PAGE_SIZE = 100;

  private final ProblemService problems;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;

  ProblemController(ProblemService problems, IdempotencyKeys idempotencyKeys, CurrentUser currentUser) {
    this.problems = problems;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
  }

  record Details(Problem problem, List<Timeline.Entry> timeline) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> raise(@RequestBody ProblemRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("problem", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(request), () -> problems.raise(request));
    return created.answerAt("/api/problems/" + created.recordNumber());
  }

  @GetMapping("/{number:[A-Z]{3}-\\d+}")
  Details get(@PathVariable String number) {
    return new Details(problems.view(number), problems.timelineOf(number));
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    InvalidRequestException.checkOneOf("status", status, Problem.Status.class);
    InvalidRequestException.checkPage(page, size, MAX_PAGE_SIZE);
    Page<Problem> found = problems.list(status == null ? null : Problem.Status.valueOf(status), page, size);
    return found.answer(page, size);
  }

  /** Links the incident (a second link of the same incident changes nothing). */
  @PutMapping("/{number}/incidents/{incident}")
  ResponseEntity<Void> link(@PathVariable String number, @PathVariable String incident) {
    problems.linkByHand(number, incident);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{number}/incidents/{incident}")
  ResponseEntity<Void> unlink(@PathVariable String number, @PathVariable String incident) {
    problems.unlinkByHand(number, incident);
    return ResponseEntity.noContent().build();
  }
}
