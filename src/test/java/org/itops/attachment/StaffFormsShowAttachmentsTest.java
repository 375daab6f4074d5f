package org.itops.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The staff's Tasklist forms of incidents, demands, changes, security incidents and audits show the record's
 * attachments as links (the variable {@link Attachments#LINKS_VARIABLE}, set at each upload); the requester's own tasks (assigned to
 * the record's requester or reporter) need not.
 */
class StaffFormsShowAttachmentsTest {

  @ParameterizedTest
  @ValueSource(strings = {"incident/incident-lifecycle", "demand/service-demand", "change/change-management",
      "security/security-incident", "audit/compliance-audit"})
  void everyStaffTaskShowsTheRecordsAttachments(String process) throws IOException {
    String area = process.substring(0, process.indexOf('/'));
    BpmnModelInstance model;
    try (InputStream in = new ClassPathResource("processes/" + process + ".bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }

    List<String> withoutLinks = model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> !"${requester}".equals(task.getCamundaAssignee())
            && !"${reporter}".equals(task.getCamundaAssignee()))
        .filter(task -> !form(area, task.getCamundaFormRef()).contains("{{" + Attachments.LINKS_VARIABLE + "}}"))
        .map(UserTask::getId).toList();

    assertThat(withoutLinks).as("staff tasks of " + process + " whose form shows no attachments").isEmpty();
  }

  private static String form(String area, String formRef) {
    try (InputStream in = new ClassPathResource("forms/" + area + "/" + formRef + ".form").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("No form " + formRef + " in forms/" + area, e);
    }
  }
}
