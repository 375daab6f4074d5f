package org.itops.review;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.platform.NotAllowedException;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotFoundException;
import org.itops.platform.ReportPeriod;
import org.itops.platform.SuiteTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reviews}: a service review on demand, for a period and a service (the monthly one starts by itself);
 * service owners and IT managers ask for one.
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

  private static final Set<String> REQUESTERS = Set.of("service-owners", "it-managers", AccessProperties.ADMIN_GROUP);

  private final RuntimeService runtimeService;
  private final ReviewService reviews;
  private final CurrentUser currentUser;
  private final SuiteTime time;

  ReviewController(RuntimeService runtimeService, ReviewService reviews, CurrentUser currentUser, SuiteTime time) {
    this.runtimeService = runtimeService;
    this.reviews = reviews;
    this.currentUser = currentUser;
    this.time = time;
  }

  record Request(String from, String to, String service) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> request(@RequestBody Request request) {
    if (currentUser.groups().stream().noneMatch(REQUESTERS::contains)) {
      throw new NotAllowedException("detail.forbidden.serviceReview");
    }
    date("from", request.from());
    date("to", request.to());
    ReportPeriod.of(request.from(), request.to(), time.zone());
    // the number now, the report in a job: a long period is never built while the request waits
    String number = reviews.newNumber();
    Map<String, Object> variables = new HashMap<>();
    variables.put("periodFrom", request.from());
    variables.put("periodTo", request.to());
    variables.put("service", request.service());
    currentUser.asSystem(() -> runtimeService.createMessageCorrelation("review.requested")
        .processInstanceBusinessKey(number).setVariables(variables).correlateStartMessage());
    return ResponseEntity.created(URI.create("/api/reviews/" + number)).body(Map.of("number", number));
  }

  /** The review; one asked for whose report is still being built answers its number and {@code BUILDING}. */
  @GetMapping("/{number}")
  Object get(@PathVariable String number) {
    Optional<ServiceReview> review = reviews.view(number);
    if (review.isPresent()) {
      return review.get();
    }
    boolean building = currentUser.asSystem(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ReviewService.PROCESS_KEY).processInstanceBusinessKey(number).count() > 0);
    if (!building) {
      throw new NotFoundException("detail.notFound.record", number);
    }
    return Map.of("number", number, "status", "BUILDING");
  }

  private static void date(String field, String text) {
    try {
      if (text == null || LocalDate.parse(text) == null) {
        throw new InvalidRequestException(field, "reason.requiredDate", "2026-11-01");
      }
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "reason.notADate", text, "2026-11-01");
    }
  }
}
