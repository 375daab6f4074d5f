package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itops.ChineseSuiteTest;
import org.itops.ShanghaiTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a Chinese installation people read codes by their Chinese names: the groups as Tasklist and Admin show them, and
 * the codes a task's form shows ({@code {{priorityShown}}}...), while the values the processes route on stay codes;
 * the dates a form shows ({@code {{responseDueShown}}}) are in the suite's zone; each as it is when the form is read.
 */
@ChineseSuiteTest
class ChineseCodeNamesTest {

  @Autowired IncidentScenario incidents;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FormService formService;

  @Test
  void theSuitesGroupsAreNamedInChineseWhenTheyAreCreated() {
    assertThat(identityService.createGroupQuery().groupId("service-desk").singleResult().getName()).isEqualTo("服务台");
    assertThat(identityService.createGroupQuery().groupId("cab").singleResult().getName())
        .isEqualTo("变更咨询委员会（CAB）");
  }

  @Test
  void aTaskFormShowsTheCodesByTheirChineseNamesAndTheCodesStay() {
    String number = incidents.report("medium", "high", "network");

    Task triage = triageOf(number);

    assertThat(formService.getTaskFormVariables(triage.getId())).containsEntry("priorityShown", "P2（高）")
        .containsEntry("categoryShown", "网络").containsEntry("impactShown", "中").containsEntry("urgencyShown", "高")
        .as("only what the triage form shows").doesNotContainKey("assignedGroupShown");
    assertThat(taskService.getVariable(triage.getId(), "priority")).isEqualTo("P2");
    assertThat(taskService.getVariable(triage.getId(), "impact")).isEqualTo("medium");
    assertThat(taskService.getVariablesLocal(triage.getId())).as("computed when read, not kept")
        .doesNotContainKeys("priorityShown", "categoryShown");
  }

  @Test
  void aTaskFormShowsItsDueTimesInTheSuitesZoneAndTheDatesStay() {
    String number = incidents.report("medium", "high", "network");
    Incident record = incidents.record(number);

    Task triage = triageOf(number);

    assertThat(formService.getTaskFormVariables(triage.getId()))
        .containsEntry("responseDueShown", ShanghaiTime.shown(record.getResponseDue()))
        .containsEntry("resolutionDueShown", ShanghaiTime.shown(record.getResolutionDue()));
    assertThat(taskService.getVariable(triage.getId(), "responseDue")).isEqualTo(Date.from(record.getResponseDue()));
  }

  @Test
  void aTaskFormShowsAValueAsItIsWhenReadAlsoOverAValueKeptBeforeAndWhenAskedByName() {
    String number = incidents.report("medium", "high", "network");
    Task triage = triageOf(number);
    // a task from before the suite computed them kept its own copy (an upgrade)
    taskService.setVariableLocal(triage.getId(), "categoryShown", "kept before");

    taskService.setVariable(triage.getId(), "priority", "P1");

    assertThat(formService.getTaskFormVariables(triage.getId())).containsEntry("priorityShown", "P1（紧急）")
        .containsEntry("categoryShown", "网络");
    assertThat(formService.getTaskFormVariables(triage.getId(), List.of("priorityShown", "impact"), true))
        .containsOnly(entry("priorityShown", "P1（紧急）"), entry("impact", "medium"));
  }

  private Task triageOf(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(IncidentProcess.Element.TRIAGE).singleResult();
  }
}
