package org.itops.change;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.itops.attachment.Attachments;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Page;
import org.itops.platform.SuiteProperties;
import org.itops.platform.SuiteText;
import org.itops.platform.Timeline;
import org.itops.platform.Times;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/changes}: request, read and cancel changes; the change calendar; the freeze periods. */
@RestController
@RequestMapping("/api/changes")
class ChangeController {

  static final int MAX_PAGE_SIZE = 100;
  /** The longest calendar one request reads. */
  static final Duration MAX_CALENDAR = Duration.ofDays(400);

  private final ChangeService changes;
  private final ChangeSchedule schedule;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final String baseUrl;
  private final SuiteText text;
  private final Attachments attachments;

  ChangeController(ChangeService changes, ChangeSchedule schedule, IdempotencyKeys idempotencyKeys,
      CurrentUser currentUser, Clock clock, SuiteProperties suite, SuiteText text, Attachments attachments) {
    this.changes = changes;
    this.schedule = schedule;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
    this.clock = clock;
    this.baseUrl = suite.baseUrl();
    this.text = text;
    this.attachments = attachments;
  }

  record Details(Change change, List<String> incidentsCausedByIt, List<Timeline.Entry> timeline,
      List<Attachments.Summary> attachments) {}

  record Cancellation(String reason) {}

  record FreezeRequest(String name, Instant startsAt, Instant endsAt, String reason) {}

  record Calendar(Instant from, Instant to, List<Change> changes, List<ChangeRepository.Freeze> freezes) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> request(@RequestBody ChangeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("change", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(request), () -> changes.request(request));
    return created.answerAt("/api/changes/" + created.recordNumber());
  }

  @GetMapping("/{number:[A-Z]{3}-\\d+}")
  Details get(@PathVariable String number) {
    return new Details(changes.view(number), changes.incidentsCausedBy(number), changes.timelineOf(number),
        attachments.of(number));
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    InvalidRequestException.checkOneOf("status", status, Change.Status.class);
    InvalidRequestException.checkPage(page, size, MAX_PAGE_SIZE);
    Page<Change> found = changes.list(status == null ? null : Change.Status.valueOf(status), page, size);
    return found.answer(page, size);
  }

  @PostMapping("/{number}/cancel")
  ResponseEntity<Void> cancel(@PathVariable String number, @RequestBody Cancellation cancellation) {
    changes.cancel(number, cancellation.reason());
    return ResponseEntity.accepted().build();
  }

  /**
   * The open changes and the freezes between {@code from} and {@code to} (default: the next 30 days) that the caller
   * reads: all of them, or their own changes and no freeze ({@link ChangeReadRule}).
   */
  @GetMapping("/calendar")
  Calendar calendar(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Period period = period(from, to);
    return new Calendar(period.from(), period.to(), changes.calendar(period.from(), period.to()),
        schedule.readsFreezes() ? schedule.freezes(period.from(), period.to()) : List.of());
  }

  /** The same calendar as iCalendar, to subscribe to in a mail client. */
  @GetMapping(path = "/calendar.ics", produces = "text/calendar")
  ResponseEntity<String> calendarIcs(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Calendar calendar = calendar(from, to);
    String host = URI.create(baseUrl).getHost();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
        .header("Content-Disposition", "inline; filename=\"changes.ics\"")
        .body(ChangeCalendar.ics(calendar.changes(), calendar.freezes(), baseUrl, clock.instant(), host, text));
  }

  @GetMapping("/freezes")
  List<ChangeRepository.Freeze> freezes(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Period period = period(from, to);
    return schedule.freezes(period.from(), period.to());
  }

  @PostMapping("/freezes")
  ResponseEntity<ChangeRepository.Freeze> addFreeze(@RequestBody FreezeRequest freeze) {
    ChangeRepository.Freeze added = schedule.addFreeze(freeze.name(), freeze.startsAt(), freeze.endsAt(),
        freeze.reason());
    return ResponseEntity.created(URI.create("/api/changes/freezes/" + added.id())).body(added);
  }

  @DeleteMapping("/freezes/{id}")
  ResponseEntity<Void> deleteFreeze(@PathVariable long id) {
    schedule.deleteFreeze(id);
    return ResponseEntity.noContent().build();
  }

  private record Period(Instant from, Instant to) {}

  private Period period(String from, String to) {
    Instant start = time("from", from, clock.instant());
    Instant end = time("to", to, start.plus(Duration.ofDays(30)));
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_CALENDAR) > 0) {
      throw new InvalidRequestException("to", "reason.period", MAX_CALENDAR.toDays());
    }
    return new Period(start, end);
  }

  private static Instant time(String field, String text, Instant otherwise) {
    try {
      return text == null || text.isBlank() ? otherwise : Times.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "reason.notADateTimeWithOffset", text);
    }
  }

}
