package org.itops.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itops.catalog.CatalogEntry.Status;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/services}: the catalog; proposing a service and asking for an SLA change start their approvals. */
@RestController
@RequestMapping("/api/services")
class ServiceController {

  private final ServiceCatalog catalog;

  ServiceController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  record Proposal(String name, String description, String owner, String supportGroup, String tier, String hours,
      BigDecimal availabilityTarget) {}

  record SlaChange(String tier, String hours, BigDecimal availabilityTarget, String reason) {}

  record Details(String number, String name, String description, String owner, String supportGroup, String tier,
      String hours, BigDecimal availabilityTarget, String status, int slaVersion, Instant publishedAt,
      Instant lastReviewedAt, List<Timeline.Entry> timeline) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> propose(@RequestBody Proposal p) {
    String number = catalog.propose(new ServiceProposal(p.name(), p.description(), p.owner(), p.supportGroup(),
        new ServiceLevel(p.tier(), p.hours(), p.availabilityTarget())));
    return ResponseEntity.created(URI.create("/api/services/" + number))
        .body(Map.of("number", number, "location", "/api/services/" + number));
  }

  @GetMapping
  List<CatalogEntry> list(@RequestParam(required = false) String status) {
    return catalog.list(InvalidRequestException.checkOneOf("status", status, Status.class));
  }

  @GetMapping("/{number}")
  Details get(@PathVariable String number) {
    CatalogEntry s = catalog.view(number);
    return new Details(s.number(), s.name(), s.description(), s.owner(), s.supportGroup(), s.tier(), s.hours(),
        s.availabilityTarget(), s.status().name(), s.slaVersion(), s.publishedAt(), s.lastReviewedAt(),
        catalog.timelineOf(number));
  }

  @PostMapping("/{number}/sla-change")
  ResponseEntity<Void> changeSla(@PathVariable String number, @RequestBody SlaChange change) {
    catalog.requestSlaChange(number, new ServiceLevel(change.tier(), change.hours(), change.availabilityTarget()),
        change.reason());
    return ResponseEntity.accepted().build();
  }
}
