package org.itops.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.itops.notification.NotificationService;
import org.itops.platform.Csv;
import org.itops.platform.CurrentUser;
import org.itops.platform.NotFoundException;
import org.itops.platform.ReadRules;
import org.itops.platform.SuiteTime;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;

/**
 * Who did what and when to any record of the suite: our timeline ({@code record_event}), the engine's history of the
 * record's process instances (started by, each task completed by), its user operation log, and the mails sent about
 * it. Whoever reads the record in full reads its trail (the read rule of its kind, {@link ReadRules}); for anybody
 * else it does not exist.
 */
@Service
public class AuditTrail {

  /** One line of the trail; {@code source} is timeline, process, task, operation-log or mail. */
  public record Entry(Instant at, String actor, String source, String action, String detail) {}

  private final Timeline timeline;
  private final HistoryService historyService;
  private final NotificationService notifications;
  private final CurrentUser currentUser;
  private final ReadRules readRules;
  private final SuiteTime time;

  AuditTrail(Timeline timeline, HistoryService historyService, NotificationService notifications,
      CurrentUser currentUser, ReadRules readRules, SuiteTime time) {
    this.timeline = timeline;
    this.historyService = historyService;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.readRules = readRules;
    this.time = time;
  }

  public List<Entry> of(String number) {
    if (!readRules.reads(number)) {
      throw new NotFoundException("detail.notFound.record", number);
    }
    List<Entry> entries = new ArrayList<>();
    timeline.of(number).forEach(e -> entries.add(new Entry(e.at(), e.actor(), "timeline", e.type(), e.detail())));
    // one line per recipient, without their address: the requester of an incident reads its trail too
    notifications.sentAbout(number).forEach(mail -> entries.add(new Entry(mail.at(), "system", "mail", "MAIL_SENT",
        mail.template())));
    // the suite has checked who may read this record: the engine's history is read without the caller's grants
    currentUser.asSystem(() -> {
      for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(number).unlimitedList()) {
        entries.add(new Entry(instance.getStartTime().toInstant(), actor(instance.getStartUserId()), "process",
            "PROCESS_STARTED", instance.getProcessDefinitionKey()));
        if (instance.getEndTime() != null) {
          entries.add(new Entry(instance.getEndTime().toInstant(), "system", "process", "PROCESS_ENDED",
              instance.getProcessDefinitionKey() + " " + instance.getState()));
        }
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
            .processInstanceId(instance.getId()).finished().unlimitedList()) {
          entries.add(new Entry(task.getEndTime().toInstant(), actor(task.getAssignee()), "task",
              "completed".equals(task.getDeleteReason()) ? "TASK_COMPLETED" : "TASK_ENDED", task.getName()));
        }
        // written from history level full on (the suite runs at audit): then claims, assignments, retries too
        for (UserOperationLogEntry operation : historyService.createUserOperationLogQuery()
            .processInstanceId(instance.getId()).unlimitedList()) {
          entries.add(new Entry(operation.getTimestamp().toInstant(), actor(operation.getUserId()), "operation-log",
              operation.getOperationType(), operation.getEntityType() + " " + operation.getProperty() + ": "
              + operation.getOrgValue() + " -> " + operation.getNewValue()));
        }
      }
      return null;
    });
    if (entries.isEmpty()) {
      throw new NotFoundException("detail.notFound.record", number);
    }
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  /**
   * The trail as CSV, for spreadsheets and auditors: every cell safe to open ({@link Csv}); the times ISO 8601 in the
   * suite's zone, with its offset.
   */
  public String csv(String number) {
    return Csv.write(List.of("at", "actor", "source", "action", "detail"), of(number).stream()
        .map(entry -> Arrays.asList(entry.at().atZone(time.zone()).toOffsetDateTime().toString(), entry.actor(),
            entry.source(), entry.action(), entry.detail()))
        .toList());
  }

  private static String actor(String userId) {
    return userId == null ? "system" : userId;
  }
}
