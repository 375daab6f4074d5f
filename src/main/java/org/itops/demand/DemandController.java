package org.itops.demand;

import java.util.List;
import java.util.Map;
import org.itops.attachment.Attachments;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Page;
import org.itops.platform.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/demands}: raise a demand, follow it from intake to accepted delivery, ask for a change of it. */
@RestController
@RequestMapping("/api/demands")
class DemandController {

  static final int MAX_PAGE_SIZE = 100;

  private final DemandService demands;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;
  private final Attachments attachments;

  DemandController(DemandService demands, IdempotencyKeys idempotencyKeys, CurrentUser currentUser,
      Attachments attachments) {
    this.demands = demands;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
    this.attachments = attachments;
  }

  /** A demand with its specification versions, its delivery (implementation and acceptance) and its timeline. */
  record Details(Demand demand, List<DemandRepository.Specification> specifications, Delivery delivery,
      List<Timeline.Entry> timeline, List<Attachments.Summary> attachments) {}

  record ChangeRequest(String description) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> request(@RequestBody DemandRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("demand", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(request), () -> demands.request(request));
    return created.answerAt("/api/demands/" + created.recordNumber());
  }

  @GetMapping("/{number}")
  Details get(@PathVariable String number) {
    Demand demand = demands.view(number);
    return new Details(demand, demands.specifications(number), demands.deliveryOf(number),
        demands.timelineOf(number), attachments.of(number));
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    InvalidRequestException.checkOneOf("status", status, Demand.Status.class);
    InvalidRequestException.checkPage(page, size, MAX_PAGE_SIZE);
    Page<Demand> found = demands.list(status == null ? null : Demand.Status.valueOf(status), page, size);
    return found.answer(page, size);
  }

  /** A change of an approved demand (guide 2.3), by its requester or the staff. */
  @PostMapping("/{number}/changes")
  ResponseEntity<Void> change(@PathVariable String number, @RequestBody ChangeRequest change) {
    demands.requireParticipant(number);
    demands.requestChange(number, change.description());
    return ResponseEntity.accepted().build();
  }
}
