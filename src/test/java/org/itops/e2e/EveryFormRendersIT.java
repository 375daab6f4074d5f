package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Camunda Form of every user task and start event of the deployed processes opens in Tasklist without a
 * form-js failure and shows each of its fields (those without a show/hide condition). A form that form-js cannot
 * render is caught: the broken example under src/test/resources/e2e must fail the same check.
 */
@EndToEndTest
class EveryFormRendersIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What form-js writes of its own in an empty select or a searchable one (Tasklist's itops/form-texts.js). */
  private static final Pattern FORM_JS_ENGLISH = Pattern.compile("\\b(Select|Search)\\b");
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  @TestFactory
  Stream<DynamicTest> everyFormOpensInTasklistWithEveryField() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      var model = repositoryService.getBpmnModelInstance(definition.getId());
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null && start.getParentElement() == model.getModelElementById(definition.getKey())) {
          tests.add(dynamicTest(definition.getKey() + " start form", () -> assertThat(startFormProblems(definition))
              .as("problems of the start form of " + definition.getKey()).isEmpty()));
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        tests.add(dynamicTest(definition.getKey() + " / " + task.getId(), () -> assertThat(
            taskFormProblems(definition, task.getId())).as("problems of the form of " + task.getId()).isEmpty()));
      }
    }
    return tests.stream();
  }

  @Test
  void aFormThatFormJsCannotRenderIsCaught() throws Exception {
    String deployment = repositoryService.createDeployment().name("e2e-broken-form")
        .addClasspathResource("e2e/broken-form.bpmn").addClasspathResource("e2e/broken-form.form").deploy().getId();
    try {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
          .singleResult();

      List<String> problems = taskFormProblems(definition, "rateIt");

      assertThat(problems).anySatisfy(problem -> assertThat(problem).contains(browser().formFailureLabel()));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null; // the Chinese subclass runs against another suite (port) in the same JVM
    }
  }

  /** Starts an instance right before the task, with sample values, and opens the task in Tasklist as demo. */
  private List<String> taskFormProblems(ProcessDefinition definition, String taskId) {
    String instanceId = runtimeService.createProcessInstanceById(definition.getId())
        .businessKey("FORMS-" + taskId).setVariables(sampleValues()).startBeforeActivity(taskId)
        .execute(true, true).getId();
    // a multi-instance task (the CAB's vote) has one task per member: any of them shows the form
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskId).list().get(0);
    Browser tasklist = browser();
    tasklist.openTaskById(task.getId());
    tasklist.formAppeared();
    try {
      List<String> problems = problems(tasklist, form(formService.getDeployedTaskForm(task.getId())));
      tasklist.screenshot("form-" + definition.getKey() + "-" + taskId);
      return problems;
    } finally {
      runtimeService.deleteProcessInstance(instanceId, "form check done");
    }
  }

  private List<String> startFormProblems(ProcessDefinition definition) {
    Browser tasklist = browser();
    tasklist.open("/camunda/app/tasklist/default/");
    tasklist.startProcess(definition.getName());
    tasklist.screenshot("start-form-" + definition.getKey());
    return problems(tasklist, form(formService.getDeployedStartForm(definition.getId())));
  }

  /**
   * Form-js failures shown, and every unconditional field of the form (as deployed: in the suite's language) that
   * is not shown or not with its label. form-js draws the fields just after its form appears: they are asked again
   * for up to five seconds until all are there (a form failure is final at once).
   */
  private static List<String> problems(Browser tasklist, JsonNode form) {
    List<Field> fields = new ArrayList<>();
    collectUnconditionalFields(form.path("components"), fields);
    Map<String, String> typeByComponentId = new LinkedHashMap<>();
    fields.forEach(field -> typeByComponentId.put(field.componentId(), field.type()));
    long giveUp = System.currentTimeMillis() + 5_000;
    while (true) {
      List<String> failures = tasklist.formFailures();
      List<String> problems = new ArrayList<>(failures);
      if (failures.isEmpty()) {
        List<String> hidden = tasklist.hiddenFields(typeByComponentId);
        String formText = tasklist.formText();
        for (Field field : fields) {
          if (hidden.contains(field.componentId())) {
            problems.add("field '" + field.key() + "' (" + field.label() + ") is not shown");
          } else if (!formText.contains(field.label())) {
            problems.add("field '" + field.key() + "' is shown without its label '" + field.label() + "'");
          }
        }
        if (!tasklist.speaksEnglish() && FORM_JS_ENGLISH.matcher(formText).find()) {
          problems.add("form-js's own English words are shown: " + formText);
        }
      }
      if (problems.isEmpty() || !failures.isEmpty() || System.currentTimeMillis() > giveUp) {
        return problems;
      }
      Browser.sleep(100);
    }
  }

  private record Field(String componentId, String key, String type, String label) {}

  /** The fields (components with a key) that no show/hide condition hides, nested ones too. */
  private static void collectUnconditionalFields(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.has("key") && !component.has("conditional")) {
        fields.add(new Field(component.path("id").asText(), component.path("key").asText(),
            component.path("type").asText(), component.path("label").asText()));
      }
      collectUnconditionalFields(component.path("components"), fields);
    }
  }

  /** The language of the browser; the suite's is set by the class's properties. */
  Locale language() {
    return Locale.ENGLISH;
  }

  private Browser browser() {
    if (browser == null) {
      browser = new Browser(port, language());
      browser.login("tasklist", "demo");
    }
    return browser;
  }

  private static JsonNode form(InputStream deployed) {
    try (InputStream in = deployed) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Values the diagrams' expressions need (groups, assignees, due dates) and the forms show. */
  private static Map<String, Object> sampleValues() {
    Date inAnHour = Date.from(Instant.now().plus(1, ChronoUnit.HOURS));
    Map<String, Object> values = new HashMap<>();
    values.put("recordNumber", "INC-FORMS");
    values.put("title", "Form check");
    values.put("description", "Every field of every form");
    values.put("impact", "medium");
    values.put("urgency", "medium");
    values.put("category", "server");
    values.put("configurationItem", "srv-01");
    values.put("priority", "P3");
    values.put("computedPriority", "P3");
    values.put("assignedGroup", "service-desk");
    values.put("reporter", "demo");
    values.put("engineer", "demo");
    // the page of on-call-page: its acknowledgement's timer and whom it is assigned to
    values.put("acknowledgeWithin", "PT10M");
    values.put("acknowledgeMinutes", 10L);
    values.put("pagedUser", "demo");
    values.put("responseDue", inAnHour);
    values.put("warningDue", inAnHour);
    values.put("resolutionDue", inAnHour);
    values.put("question", "Which mailbox?");
    values.put("resolutionCode", "FIXED");
    values.put("resolutionNotes", "Restarted");
    values.put("resolved", false);
    values.put("alertResolved", false);
    values.put("summary", "Form check");
    values.put("owner", "demo");
    values.put("serviceName", "Form check");
    values.put("supportGroup", "ops-engineers");
    values.put("tier", "silver");
    values.put("hours", "24x7");
    values.put("availabilityTarget", 99.9);
    values.put("slaVersion", 1);
    values.put("author", "demo");
    values.put("owningGroup", "service-desk");
    values.put("version", 1);
    values.put("suggestedArticles", "- KBA-FORMS: Form check");
    values.put("suggestedArticleNumbers", "KBA-FORMS");
    values.put("requester", "engineer");
    values.put("classification", "normal");
    values.put("risk", "medium");
    values.put("plannedStart", inAnHour);
    values.put("plannedEnd", inAnHour);
    values.put("configurationItems", "db-01@production");
    values.put("affectedServices", "Payroll");
    values.put("approvals", 1);
    values.put("rejections", 0);
    values.put("cabQuorum", 2);
    values.put("cabMember", "demo");
    values.put("approverGroup", "service-owners");
    values.put("approvalRoute", "service-owner");
    values.put("changeRoute", "service-owner");
    values.put("milestone", "Portal");
    values.put("budgetCeiling", 10000.0);
    values.put("budget", 12000.0);
    values.put("qcFailures", 3);
    values.put("trainee", "demo");
    values.put("scheduleProblems", "Freeze 'Year-end close'");
    values.put("inFreeze", true);
    values.put("severity", "high");
    values.put("detectedAt", inAnHour);
    values.put("affectedAssets", "laptop-17");
    values.put("triageNotes", "Credential phishing");
    values.put("personalDataInvolved", true);
    values.put("recordsAffected", 20);
    values.put("dataCategory", "financial");
    values.put("containmentActions", "Blocked the sender");
    values.put("notifyRegulator", true);
    values.put("notifySubjects", true);
    values.put("notificationRequired", true);
    values.put("notificationDeadline", inAnHour);
    values.put("notificationReminderAt", inAnHour);
    values.put("eradicationActions", "Removed the mails");
    values.put("recoveryActions", "Accounts re-enabled");
    values.put("planName", "Data centre loss");
    values.put("scenario", "The primary data centre is lost");
    values.put("ownerGroup", "ops-engineers");
    values.put("participatingTeams", "ops-engineers,service-desk");
    values.put("rtoMinutes", 60);
    values.put("rpoMinutes", 15);
    values.put("drillDate", inAnHour);
    values.put("participants", "engineer: restores the database");
    values.put("team", "ops-engineers");
    values.put("drillResult", "FAILED");
    values.put("evaluation", "ops-engineers: 75 of 60 min to recover: FAILED");
    values.put("improvementActions", "Automate the fail-over");
    values.put("actionsDue", inAnHour);
    values.put("action", "Automate the fail-over");
    values.put("auditTitle", "Quarterly audit");
    values.put("controls", "A.8.13,A.5.24");
    values.put("control", "A.8.13");
    values.put("findings", "A.8.13: restores are never tested");
    values.put("remediationDue", inAnHour);
    values.put("finding", "A.8.13: restores are never tested");
    return values;
  }
}
