package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itops.ChineseSuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a Chinese installation people read codes by their Chinese names: the groups as Tasklist and Admin show them, and
 * the codes a task's form shows ({@code {{priorityShown}}}...), while the values the processes route on stay codes.
 */
@ChineseSuiteTest
class ChineseCodeNamesTest {

  @Autowired IncidentScenario incidents;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void theSuitesGroupsAreNamedInChineseWhenTheyAreCreated() {
    assertThat(identityService.createGroupQuery().groupId("service-desk").singleResult().getName()).isEqualTo("服务台");
    assertThat(identityService.createGroupQuery().groupId("cab").singleResult().getName())
        .isEqualTo("变更咨询委员会（CAB）");
  }

  @Test
  void aTaskFormShowsTheCodesByTheirChineseNamesAndTheCodesStay() {
    String number = incidents.report("medium", "high", "network");

    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(IncidentProcess.Element.TRIAGE).singleResult();

    assertThat(taskService.getVariablesLocal(triage.getId())).containsEntry("priorityShown", "P2（高）")
        .containsEntry("categoryShown", "网络").containsEntry("impactShown", "中").containsEntry("urgencyShown", "高")
        .as("only what the triage form shows").doesNotContainKey("assignedGroupShown");
    assertThat(taskService.getVariable(triage.getId(), "priority")).isEqualTo("P2");
    assertThat(taskService.getVariable(triage.getId(), "impact")).isEqualTo("medium");
  }
}
