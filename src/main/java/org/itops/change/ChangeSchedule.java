package org.itops.change;

import static org.itops.change.ChangeProcess.Var;
import static org.itops.platform.FormValues.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itops.change.Change.Status;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The window of a change: the freeze periods change managers keep, the check of a change's window against them and
 * against the other changes on the same configuration items, and rescheduling.
 */
@Service
public class ChangeSchedule {

  /** Freezes and other changes on the same items that overlap the change's window. */
  public record ScheduleCheck(boolean inFreeze, List<String> problems) {
    boolean clear() {
      return problems.isEmpty();
    }
  }

  private final ChangeRepository changes;
  private final ChangeService changeService;
  private final Timeline timeline;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final ChangeReadRule readRule;

  ChangeSchedule(ChangeRepository changes, ChangeService changeService, Timeline timeline, Clock clock,
      CurrentUser currentUser, ChangeReadRule readRule) {
    this.changes = changes;
    this.changeService = changeService;
    this.timeline = timeline;
    this.clock = clock;
    this.currentUser = currentUser;
    this.readRule = readRule;
  }

  // --- scheduling -------------------------------------------------------------------------------------

  /** The freezes and the open changes on the same configuration items that overlap the change's window. */
  @Transactional(readOnly = true)
  public ScheduleCheck checkSchedule(String number) {
    Change change = changeService.load(number);
    List<String> problems = new ArrayList<>();
    List<ChangeRepository.Freeze> freezes = changes.freezes(change.plannedStart(), change.plannedEnd());
    freezes.forEach(f -> problems.add("Freeze '" + f.name() + "' " + f.startsAt() + " - " + f.endsAt()
        + (f.reason() == null ? "" : ": " + f.reason())));
    for (Change other : changes.overlapping(number, changes.itemIds(number), change.plannedStart(),
        change.plannedEnd())) {
      List<String> shared = other.configurationItems().stream().filter(change.configurationItems()::contains).toList();
      problems.add("Conflict with " + other.number() + " '" + other.summary() + "' " + other.plannedStart() + " - "
          + other.plannedEnd() + " on " + shared);
    }
    return new ScheduleCheck(!freezes.isEmpty(), problems);
  }

  @Transactional
  public void scheduleChecked(String number, ScheduleCheck check) {
    changeService.load(number);
    timeline.record(number, check.clear() ? "WINDOW_CLEAR" : "SCHEDULE_PROBLEMS",
        check.clear() ? "timeline.change.windowClear" : "timeline.typed", String.join("; ", check.problems()));
  }

  /** A change manager moves the change to another window (validated like a request's window). */
  @Transactional
  public Change reschedule(String number, Instant start, Instant end) {
    Change change = changeService.load(number);
    List<FieldError> errors = windowErrors(start, end);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Change moved = change.rescheduled(start, end, clock.instant());
    changes.update(moved);
    timeline.record(number, "RESCHEDULED", "timeline.change.rescheduled", change.plannedStart(),
        change.plannedEnd(), start, end);
    return moved;
  }

  List<FieldError> windowErrors(Instant start, Instant end) {
    List<FieldError> errors = new ArrayList<>();
    if (start == null || end == null) {
      errors.add(new FieldError(start == null ? Var.NEW_START : Var.NEW_END, "reason.change.rescheduleRequired"));
    } else if (!end.isAfter(start)) {
      errors.add(new FieldError(Var.NEW_END, "reason.change.newEndAfterStart"));
    } else if (start.isBefore(clock.instant())) {
      errors.add(new FieldError(Var.NEW_START, "reason.inThePast"));
    }
    return errors;
  }

  @Transactional
  public void scheduled(String number, Timeline.Text how) {
    Change change = changeService.load(number);
    changes.update(change.with(Status.SCHEDULED, clock.instant()));
    timeline.record(number, "SCHEDULED", "timeline.change.scheduled", how, change.plannedStart());
  }

  // --- freezes ----------------------------------------------------------------------------------------

  @Transactional
  public ChangeRepository.Freeze addFreeze(String name, Instant start, Instant end, String reason) {
    requireChangeManager();
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 100) {
      errors.add(new FieldError("name", "reason.requiredMaxLength", 100));
    }
    if (start == null || end == null || !end.isAfter(start)) {
      errors.add(new FieldError("endsAt", "reason.freeze.period"));
    }
    if (reason != null && reason.length() > 1000) {
      errors.add(new FieldError("reason", "reason.maxLength", 1000));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return changes.insert(new ChangeRepository.Freeze(null, name.strip(), start, end, blankToNull(reason),
        currentUser.id(), clock.instant()));
  }

  @Transactional
  public void deleteFreeze(long id) {
    requireChangeManager();
    if (!changes.deleteFreeze(id)) {
      throw new NotFoundException("detail.notFound.freezePeriod", id);
    }
  }

  /** Whether the current user reads the freeze periods ({@link ChangeReadRule}). */
  public boolean readsFreezes() {
    return readRule.readsAll();
  }

  /** The freeze periods in {@code [from, to)}, for those who read all changes ({@link ChangeReadRule}). */
  @Transactional(readOnly = true)
  public List<ChangeRepository.Freeze> freezes(Instant from, Instant to) {
    if (!readRule.readsAll()) {
      throw new NotAllowedException("detail.forbidden.freezes");
    }
    return changes.freezes(from, to);
  }

  private void requireChangeManager() {
    if (currentUser.groups().stream().noneMatch(ChangeService.CHANGE_MANAGERS::contains)) {
      throw new NotAllowedException("detail.forbidden.freezeCalendar");
    }
  }
}
