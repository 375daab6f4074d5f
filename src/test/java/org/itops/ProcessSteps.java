package org.itops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.itops.notification.MailOutbox;
import org.springframework.stereotype.Component;

/** Steps of any process as people, the job executor and timers take them, by business key, for the tests. */
@Component
public class ProcessSteps {

  /** The process of a mail that failed when first sent (processes/notification/mail-delivery.bpmn). */
  private static final String MAIL_DELIVERY = "mail-delivery";
  /** The page of a P1 or major incident (processes/oncall/on-call-page.bpmn): it runs beside the incident's process. */
  private static final String ON_CALL_PAGE = "on-call-page";

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final ProcessEngine engine;
  private final MailOutbox outbox;

  ProcessSteps(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, HistoryService historyService, ProcessEngine engine, MailOutbox outbox) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.historyService = historyService;
    this.engine = engine;
    this.outbox = outbox;
  }

  /** Claims the task as the user and completes it with the form's values, logged in as that user. */
  public void complete(String businessKey, String taskKey, String user, Map<String, Object> form) {
    complete(task(businessKey, taskKey), user, form);
  }

  /** As {@link #complete}, for the one task of a multi-instance activity whose element variable has that value. */
  public void completeOne(String businessKey, String taskKey, String elementVariable, Object value, String user,
      Map<String, Object> form) {
    complete(tasks(businessKey, taskKey).stream()
        .filter(t -> value.equals(taskService.getVariable(t.getId(), elementVariable))).findFirst().orElseThrow(),
        user, form);
  }

  private void complete(Task task, String user, Map<String, Object> form) {
    as(user, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), form);
      return null;
    });
  }

  /** The one open task of that key. */
  public Task task(String businessKey, String taskKey) {
    List<Task> tasks = tasks(businessKey, taskKey);
    assertThat(tasks).as("open task " + taskKey + " of " + businessKey).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(String businessKey, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list();
  }

  /**
   * Runs the waiting async steps of the instances of the business key as the job executor would, and sends the mail
   * that their mail steps asked for as the outbox's senders would (a mail that fails becomes a mail-delivery, whose
   * job this runs too), until none is left.
   */
  public void runAsyncJobs(String businessKey) {
    Set<String> run = new HashSet<>();
    List<Job> waiting;
    while (!(waiting = waitingJobs(businessKey, run)).isEmpty()) {
      for (Job job : waiting) {
        run.add(job.getId());
        managementService.executeJob(job.getId());
      }
    }
  }

  /**
   * The async steps (not timers) of every instance of the business key, mail deliveries too, not yet run, after the
   * mail that the steps run so far asked for has been sent.
   */
  private List<Job> waitingJobs(String businessKey, Set<String> run) {
    sendWaitingMail(businessKey);
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()
            .stream())
        .filter(job -> !run.contains(job.getId())).toList();
  }

  /**
   * Runs the jobs of the mail deliveries of the business key, each until it succeeds or has spent its retries, as the
   * job executor does over the retry cycle while SMTP is down (or an address is refused); answers the failures'
   * messages, one per job that ended as an incident.
   */
  public List<String> runMailJobsUntilTheyFail(String businessKey) {
    sendWaitingMail(businessKey);
    List<String> failures = new ArrayList<>();
    List<Job> runnable;
    while (!(runnable = mailJobs(businessKey).stream().filter(job -> job.getRetries() > 0).toList()).isEmpty()) {
      for (Job job : runnable) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException failed) {
          if (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() == 0) {
            failures.add(failed.getMessage());
          }
        }
      }
    }
    return failures;
  }

  /**
   * Sends the mail that mail steps asked for about the record, as the outbox's senders do once the step's transaction
   * has committed (none run in the tests): a mail that fails becomes a {@link #mailDeliveries mail delivery}.
   */
  public void sendWaitingMail(String businessKey) {
    outbox.sendWaiting(businessKey);
  }

  /** What "Retry" in Cockpit does to each failed mail job of the business key: one more retry, then it runs. */
  public void retryFailedMailJobs(String businessKey) {
    for (Job job : mailJobs(businessKey).stream().filter(job -> job.getRetries() == 0).toList()) {
      managementService.setJobRetries(job.getId(), 1);
      managementService.executeJob(job.getId());
    }
  }

  private List<Job> mailJobs(String businessKey) {
    return mailDeliveries(businessKey).stream().flatMap(delivery -> mailJobs(delivery).stream()).toList();
  }

  /** The jobs of one mail delivery: one while its mail waits or fails (one per recipient before 2026-12). */
  public List<Job> mailJobs(ProcessInstance delivery) {
    return managementService.createJobQuery().processInstanceId(delivery.getId()).list();
  }

  /** The mail deliveries of the business key that are still running (their jobs not yet run, or failing). */
  public List<ProcessInstance> mailDeliveries(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(MAIL_DELIVERY).list();
  }

  /**
   * Moves the engine's clock to the timer's due date and runs the timer as the job executor would: first checks
   * that the job executor would not take it a second earlier and would take it then.
   */
  public void fire(String businessKey, String activityId) {
    Job timer = instances(businessKey).stream().flatMap(instance -> managementService.createJobQuery()
        .processInstanceId(instance.getId()).timers().activityId(activityId).list().stream()).findFirst().orElse(null);
    assertThat(timer).as("timer " + activityId + " of " + businessKey).isNotNull();
    try {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() - 1000));
      assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count())
          .as(activityId + " due a second early").isZero();
      ClockUtil.setCurrentTime(timer.getDuedate());
      assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count())
          .as(activityId + " due at its due date").isOne();
      managementService.executeJob(timer.getId());
    } finally {
      ClockUtil.reset();
    }
  }

  public TaskService taskService() {
    return taskService;
  }

  public RuntimeService runtime() {
    return runtimeService;
  }

  public HistoryService history() {
    return historyService;
  }

  /**
   * The running instance of the business key, or null when it has ended; of several (a process and those it calls
   * with the same key), the one that called the others.
   */
  public ProcessInstance instance(String businessKey) {
    List<String> beside = beside(businessKey);
    return instances(businessKey).stream().filter(i -> i.getId().equals(i.getRootProcessInstanceId()))
        .filter(i -> !beside.contains(i.getProcessDefinitionKey())).findFirst().orElse(null);
  }

  /**
   * The processes that run beside the record's own under its business key: its mail deliveries, and its page unless
   * the page is all there is (a test of the page itself).
   */
  private List<String> beside(String businessKey) {
    boolean ownProcess = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKeyNotIn(List.of(MAIL_DELIVERY, ON_CALL_PAGE)).count() > 0;
    return ownProcess ? List.of(MAIL_DELIVERY, ON_CALL_PAGE) : List.of(MAIL_DELIVERY);
  }

  /**
   * The process of the business key, running or ended, for camunda-bpm-assert's path assertions
   * ({@code assertThat(steps.path(number)).isEnded().hasPassed(...)}): of several, the one that called the others.
   */
  public ProcessInstance path(String businessKey) {
    BpmnAwareTests.init(engine); // this test's engine: the assertions keep one per thread
    ProcessInstance running = instance(businessKey);
    if (running != null) {
      return running;
    }
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).processDefinitionKeyNotIn(beside(businessKey))
        .rootProcessInstances().singleResult();
    assertThat(ended).as("a process of " + businessKey).isNotNull();
    return new EndedInstance(ended);
  }

  /** An ended process as the assertions take it: they look its path up in the history by its id. */
  private record EndedInstance(HistoricProcessInstance history) implements ProcessInstance {
    @Override public String getId() { return history.getId(); }
    @Override public String getProcessInstanceId() { return history.getId(); }
    @Override public String getRootProcessInstanceId() { return history.getRootProcessInstanceId(); }
    @Override public String getProcessDefinitionId() { return history.getProcessDefinitionId(); }
    @Override public String getProcessDefinitionKey() { return history.getProcessDefinitionKey(); }
    @Override public String getBusinessKey() { return history.getBusinessKey(); }
    @Override public String getCaseInstanceId() { return history.getCaseInstanceId(); }
    @Override public String getTenantId() { return history.getTenantId(); }
    @Override public boolean isSuspended() { return false; }
    @Override public boolean isEnded() { return true; }
  }

  /**
   * The running instances of the business key: a process and those it calls with the same key; not its mail
   * deliveries, which live on their own ({@link #mailDeliveries}).
   */
  public List<ProcessInstance> instances(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKeyNotIn(MAIL_DELIVERY).list();
  }

  /** Runs the work logged in as the user, with the user's groups, as Tasklist and the REST API do. */
  public <T> T as(String user, Supplier<T> work) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
