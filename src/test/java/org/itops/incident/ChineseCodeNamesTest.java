package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itops.ChineseSuiteTest;
import org.itops.ShanghaiTime;
import org.itops.platform.ValuesShownOnForms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a Chinese installation people read codes by their Chinese names: the groups as Tasklist and Admin show them, and
 * the codes a task's form shows ({@code {{priorityShown}}}...), while the values the processes route on stay codes;
 * the dates a form shows ({@code {{responseDueShown}}}) are in the suite's zone, also on a task from before.
 */
@ChineseSuiteTest
class ChineseCodeNamesTest {

  @Autowired IncidentScenario incidents;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ValuesShownOnForms valuesShownOnForms;

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

    assertThat(taskService.getVariablesLocal(triage.getId())).containsEntry("priorityShown", "P2（高）")
        .containsEntry("categoryShown", "网络").containsEntry("impactShown", "中").containsEntry("urgencyShown", "高")
        .as("only what the triage form shows").doesNotContainKey("assignedGroupShown");
    assertThat(taskService.getVariable(triage.getId(), "priority")).isEqualTo("P2");
    assertThat(taskService.getVariable(triage.getId(), "impact")).isEqualTo("medium");
  }

  @Test
  void aTaskFormShowsItsDueTimesInTheSuitesZoneAndTheDatesStay() {
    String number = incidents.report("medium", "high", "network");
    Incident record = incidents.record(number);

    Task triage = triageOf(number);

    assertThat(taskService.getVariablesLocal(triage.getId()))
        .containsEntry("responseDueShown", ShanghaiTime.shown(record.getResponseDue()))
        .containsEntry("resolutionDueShown", ShanghaiTime.shown(record.getResolutionDue()));
    assertThat(taskService.getVariable(triage.getId(), "responseDue")).isEqualTo(Date.from(record.getResponseDue()));
  }

  @Test
  void anOpenTaskWithoutItsShownValuesGetsThemAtTheNextStart() {
    String number = incidents.report("medium", "high", "network");
    Task triage = triageOf(number);
    // as a task created before the suite set them (an upgrade)
    taskService.removeVariablesLocal(triage.getId(), List.of("priorityShown", "categoryShown", "responseDueShown"));

    valuesShownOnForms.showOnOpenTasks();
    valuesShownOnForms.showOnOpenTasks(); // a second start finds nothing missing

    assertThat(taskService.getVariablesLocal(triage.getId())).containsEntry("priorityShown", "P2（高）")
        .containsEntry("categoryShown", "网络").containsEntry("impactShown", "中")
        .containsEntry("responseDueShown", ShanghaiTime.shown(incidents.record(number).getResponseDue()))
        .doesNotContainKey("assignedGroupShown");
  }

  private Task triageOf(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(IncidentProcess.Element.TRIAGE).singleResult();
  }
}
