package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.itops.TestMail;
import org.itops.SuiteTest;
import org.itops.platform.TaskFilters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail from a BPMN step through a real SMTP server (GreenMail), and what happens when SMTP is down. */
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
  @Autowired NotificationService notificationService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskFilters taskFilters;

  @Test
  void theGroupGetsAMailWithTheRecordNumberALinkAndWhatToDo() throws Exception {
    ProcessInstance instance = finishOpsWork("INC-" + UUID.randomUUID().toString().substring(0, 6));

    managementService.executeJob(notificationJob(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages(); // GreenMail keeps one copy per recipient
    assertThat(received).hasSize(2);
    assertThat(Arrays.stream(received).map(NotificationTest::messageId).distinct()).hasSize(1);
    MimeMessage mail = received[0];
    String recordNumber = instance.getBusinessKey();
    assertThat(mail.getSubject()).isEqualTo("[" + recordNumber + "] Work done: Disk full on db-01");
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
        .containsExactlyInAnyOrder("desk@itops.localhost", "demo@itops.localhost");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("The work on " + recordNumber + " is done.").contains("What to do:")
        .contains("/camunda/app/tasklist/default/#/?filter=" + taskFilters.groupTasksFilterId() + "&searchQuery=")
        .contains(recordNumber);
    assertThat(jdbc.queryForMap("select template, recipients, activity_id from notification_log where record_number = ?",
        recordNumber)).containsEntry("TEMPLATE", "fixture-work-done").containsEntry("ACTIVITY_ID", "notifyDone")
        .containsEntry("RECIPIENTS", "demo@itops.localhost, desk@itops.localhost");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void smtpDownLeavesARetryingJobThenAnIncidentAndARetrySendsTheMail() throws Exception {
    smtp.stop();
    ProcessInstance instance = finishOpsWork("INC-" + UUID.randomUUID().toString().substring(0, 6));
    // the engineer's completion stands although no mail could go out yet
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .isEqualTo(1);

    Job job = notificationJob(instance);
    int attempts = 0;
    while (job.getRetries() > 0) {
      String jobId = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("Mail server connection failed");
      attempts++;
      job = notificationJob(instance);
    }
    assertThat(attempts).as("attempts of the R2 retry cycle").isEqualTo(2);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("notifyDone");
    assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");

    smtp.start();
    managementService.setJobRetries(job.getId(), 1); // what "Retry" in Cockpit does
    managementService.executeJob(job.getId());

    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(NotificationTest::messageId).distinct()).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aGroupWithoutMailAddressesIsAClearError() {
    String group = "silent-" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
    try {
      NotificationService.Notification notification = new NotificationService.Notification("fixture-work-done",
          "INC-000001", List.of(group), List.of(), Map.of("summary", "x"), null, null);

      assertThatThrownBy(() -> notificationService.send(notification))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(group).hasMessageContaining("no member with an e-mail address");
      assertThat(smtp.getReceivedMessages()).isEmpty();
    } finally {
      identityService.deleteGroup(group);
    }
  }

  /** Starts the fixture process and completes its ops task, which leaves the mail as the next job. */
  private ProcessInstance finishOpsWork(String recordNumber) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("fixture-ops-task", recordNumber,
        Map.of("summary", "Disk full on db-01"));
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.complete(taskId);
    return instance;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Job notificationJob(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId("notifyDone").singleResult();
  }
}
