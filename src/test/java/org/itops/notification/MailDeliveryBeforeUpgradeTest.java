package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An instance of {@code mail-delivery} as it was before 2026-12 (a job for the recipients, then a job per
 * recipient), still running after an upgrade, say a recipient's job waiting for a retry in Cockpit while the others
 * were sent before: it sends each recipient one mail.
 */
@SuiteTest
class MailDeliveryBeforeUpgradeTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessSteps steps;

  @Test
  void anInstanceOfTheVersionWithAJobPerRecipientSendsEachRecipientOneMail() {
    String record = "TST-" + UUID.randomUUID().toString().substring(0, 8);
    Deployment old = repositoryService.createDeployment().name("mail-delivery before 2026-12")
        .addClasspathResource("legacy/mail-delivery-per-recipient.bpmn").deploy();
    try {
      // as a mail step of that time started it
      ProcessInstance delivery = runtimeService.startProcessInstanceById(repositoryService
          .createProcessDefinitionQuery().deploymentId(old.getId()).singleResult().getId(), record, Map.of(
          "notificationTemplate", "fixture-work-done", "notifyGroup", "service-desk", "notifyUser", "",
          "summary", "Disk full", "sourceActivityId", "notifyDone"));
      managementService.executeJob(steps.mailJobs(delivery).get(0).getId()); // the recipients, by the old expression
      assertThat(steps.mailJobs(delivery)).as("a job per recipient").hasSize(2);
      managementService.executeJob(steps.mailJobs(delivery).get(0).getId());
      // that mail sent before the upgrade: recorded without its delivery, as the old version did
      jdbc.update("update notification_log set delivery_id = null where record_number = ?", record);

      assertThat(steps.runMailJobsUntilTheyFail(record)).isEmpty();

      assertThat(TestMail.recipients(smtp)).containsExactlyInAnyOrder(List.of("demo@itops.localhost"),
          List.of("desk@itops.localhost"));
      assertThat(steps.mailDeliveries(record)).isEmpty();
    } finally {
      // the current version is the latest again for the tests after this one
      repositoryService.deleteDeployment(old.getId(), true);
    }
  }
}
