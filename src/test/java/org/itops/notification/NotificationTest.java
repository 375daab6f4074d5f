package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.platform.TaskFilters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail from a BPMN step through mail-delivery and a real SMTP server (GreenMail), and what happens when SMTP is down. */
@SuiteTest
class NotificationTest {

  /** The port that application-test.yaml gives spring.mail.port. */
  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired NotificationService notificationService;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskFilters taskFilters;

  @Test
  void eachMemberOfTheGroupGetsAMailWithTheRecordNumberALinkAndWhatToDo() throws Exception {
    ProcessInstance instance = finishOpsWork("INC-" + UUID.randomUUID().toString().substring(0, 6));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the process does not wait for its mail").isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    steps.runAsyncJobs(instance.getBusinessKey());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(Arrays.stream(received).map(TestMail::recipientsOf)).as("one mail per recipient, to that recipient only")
        .containsExactlyInAnyOrder(List.of("desk@itops.localhost"), List.of("demo@itops.localhost"));
    String recordNumber = instance.getBusinessKey();
    for (MimeMessage mail : received) {
      assertThat(mail.getSubject()).isEqualTo("[" + recordNumber + "] Work done: Disk full on db-01");
      String body = GreenMailUtil.getBody(mail);
      assertThat(body).contains("The work on " + recordNumber + " is done.").contains("What to do:")
          .contains("/camunda/app/tasklist/default/#/?filter=" + taskFilters.groupTasksFilterId() + "&searchQuery=")
          .contains(recordNumber);
    }
    assertThat(jdbc.queryForList("select recipients from notification_log where record_number = ?"
        + " and template = 'fixture-work-done' and activity_id = 'notifyDone' and process_instance_id = ?", String.class,
        recordNumber, instance.getId())).containsExactlyInAnyOrder("demo@itops.localhost", "desk@itops.localhost");
    assertThat(steps.mailDeliveries(recordNumber)).isEmpty();
  }

  @Test
  void smtpDownLeavesARetryingJobThenAnIncidentAndARetrySendsTheMail() throws Exception {
    smtp.stop();
    ProcessInstance instance = finishOpsWork("INC-" + UUID.randomUUID().toString().substring(0, 6));
    // the engineer's completion stands and the process went on although no mail could go out yet
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished()
        .count()).isOne();
    steps.sendWaitingMail(instance.getBusinessKey()); // fails at once: the mail becomes a mail-delivery
    ProcessInstance delivery = steps.mailDeliveries(instance.getBusinessKey()).get(0);

    Job job = steps.mailJobs(delivery).get(0);
    assertThat(steps.mailJobs(delivery)).as("one job finds the recipients and sends to each").hasSize(1);
    int attempts = 0;
    for (Job current = job; current.getRetries() > 0; current = job(current.getId())) {
      String jobId = current.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("not sent to 2 of 2")
          .hasMessageContaining("Not sent to demo, desk: Mail server connection failed");
      attempts++;
    }
    assertThat(attempts).as("attempts of mail-delivery's R4 retry cycle").isEqualTo(4);
    List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(delivery.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getActivityId()).isEqualTo(MailDeliveryProcess.Element.SEND);
      assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
    });
    assertThat(jdbc.queryForObject("select count(*) from notification_log where delivery_id = ?", Long.class,
        runtimeService.getVariable(delivery.getId(), MailDeliveryProcess.Var.DELIVERY))).as("nobody served").isZero();

    smtp.start();
    managementService.setJobRetries(job.getId(), 1); // what "Retry" in Cockpit does
    managementService.executeJob(job.getId());

    assertThat(TestMail.recipients(smtp))
        .containsExactlyInAnyOrder(List.of("desk@itops.localhost"), List.of("demo@itops.localhost"));
    assertThat(runtimeService.createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThat(steps.mailDeliveries(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void aGroupWithoutMailAddressesIsAClearError() {
    String group = "silent-" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
    try {
      NotificationService.Notification notification = new NotificationService.Notification("fixture-work-done",
          "INC-000001", List.of(group), List.of(), Map.of("summary", "x"), null, null);

      assertThatThrownBy(() -> notificationService.recipients(notification))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(group).hasMessageContaining("no member with an e-mail address");
      assertThat(smtp.getReceivedMessages()).isEmpty();
    } finally {
      identityService.deleteGroup(group);
    }
  }

  @Test
  void theNamesThatJavaUsesAreInTheMailDeliveryModel() {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(MailDeliveryProcess.KEY).latestVersion().singleResult().getId());

    ServiceTask send = model.getModelElementById(MailDeliveryProcess.Element.SEND);
    assertThat(send.isCamundaAsyncBefore()).isTrue();
    assertThat(send.getLoopCharacteristics()).as("one job sends to every recipient").isNull();
  }

  /** Starts the fixture process and completes its ops task, which asks for the mail. */
  private ProcessInstance finishOpsWork(String recordNumber) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("fixture-ops-task", recordNumber,
        Map.of("summary", "Disk full on db-01"));
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.complete(taskId);
    return instance;
  }

  private Job job(String id) {
    return managementService.createJobQuery().jobId(id).singleResult();
  }
}
