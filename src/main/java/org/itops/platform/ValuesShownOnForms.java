package org.itops.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Codes and dates on task forms as people read them: a Camunda Form shows a variable as {@code {{priorityShown}}}
 * rather than {@code {{priority}}}, and when the task is created this sets the task's own variable
 * {@code priorityShown}: a code by its name in the suite's language ({@link ShownCodes}), a date in the suite's zone
 * ({@link SuiteTime}), anything else as it is. The variable itself stays as it is. Only the names the task's form
 * shows are set. The task events come from the engine through Spring (the starter's eventing bridge, on by default),
 * so that no diagram needs a listener for it.
 */
@Component
public class ValuesShownOnForms {

  /** What a form writes after the variable's name to show its value as people read it. */
  static final String SUFFIX = "Shown";

  private static final Logger LOG = LoggerFactory.getLogger(ValuesShownOnForms.class);
  private static final Pattern SHOWN = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)" + SUFFIX + "\\s*}}");
  /** Open tasks whose shown variables are looked up in one query. */
  private static final int TASKS_PER_QUERY = 500;

  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final ShownCodes codes;
  private final SuiteTime time;
  /** The names each form shows, by deployment and form id: deployed forms never change. */
  private final Map<String, Set<String>> shownByForm = new ConcurrentHashMap<>();

  ValuesShownOnForms(RepositoryService repositoryService, TaskService taskService, RuntimeService runtimeService,
      CurrentUser currentUser, ShownCodes codes, SuiteTime time) {
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.codes = codes;
    this.time = time;
  }

  @EventListener
  public void taskCreated(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    Object zone = task.getVariable(SuiteTime.ZONE_VARIABLE);
    for (String name : shownBy(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
      task.setVariableLocal(name + SUFFIX, shown(name, task.getVariable(name), zone));
    }
  }

  /**
   * Gives the open tasks that lack some of their form's shown variables those variables: tasks created before the
   * suite set them (an upgrade), or moved to a newer definition in Cockpit before the last start. Done at start
   * rather than when a task is read, because Tasklist reads a task's variables through the engine's REST API, where
   * a read that writes would need a hook of its own; at start the work is a query of the open tasks and one query of
   * shown variables per 500 of them, and nothing is written when nothing is missing (a second start changes nothing).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void showOnOpenTasks() {
    List<Task> open = taskService.createTaskQuery().list();
    int filled = 0;
    for (int from = 0; from < open.size(); from += TASKS_PER_QUERY) {
      filled += showOn(open.subList(from, Math.min(open.size(), from + TASKS_PER_QUERY)));
    }
    if (filled > 0) {
      LOG.info("Set the missing shown values of {} open tasks", filled);
    }
  }

  /** Sets the shown variables the tasks lack; answers how many tasks lacked some. */
  private int showOn(List<Task> tasks) {
    Map<String, Set<String>> namesByTask = new HashMap<>();
    for (Task task : tasks) {
      Set<String> names = task.getProcessDefinitionId() == null ? Set.of()
          : shownBy(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      if (!names.isEmpty()) {
        namesByTask.put(task.getId(), names);
      }
    }
    if (namesByTask.isEmpty()) {
      return 0;
    }
    Map<String, Set<String>> presentByTask = runtimeService.createVariableInstanceQuery()
        .taskIdIn(namesByTask.keySet().toArray(String[]::new))
        .variableNameIn(namesByTask.values().stream().flatMap(Set::stream).map(name -> name + SUFFIX).distinct()
            .toArray(String[]::new))
        .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
        .collect(Collectors.groupingBy(VariableInstance::getTaskId,
            Collectors.mapping(VariableInstance::getName, Collectors.toSet())));
    int count = 0;
    for (Map.Entry<String, Set<String>> task : namesByTask.entrySet()) {
      Set<String> present = presentByTask.getOrDefault(task.getKey(), Set.of());
      List<String> missing = task.getValue().stream().filter(name -> !present.contains(name + SUFFIX)).toList();
      if (missing.isEmpty()) {
        continue;
      }
      try {
        Map<String, Object> values = taskService.getVariables(task.getKey(), missing);
        Object zone = taskService.getVariable(task.getKey(), SuiteTime.ZONE_VARIABLE);
        Map<String, Object> shown = new HashMap<>();
        missing.forEach(name -> shown.put(name + SUFFIX, shown(name, values.get(name), zone)));
        taskService.setVariablesLocal(task.getKey(), shown);
        count++;
      } catch (ProcessEngineException e) {
        // completed or changed by a job meanwhile (the job executor runs already): its next task gets them at creation
        LOG.debug("Did not set the shown values of task {}: {}", task.getKey(), e.getMessage());
      }
    }
    return count;
  }

  /**
   * A date in the suite's zone (or the one the instance names, {@link SuiteTime#ZONE_VARIABLE}), a code by its name
   * in the suite's language, anything else as it is.
   */
  private String shown(String name, Object value, Object zone) {
    return value instanceof Date date ? time.format(date, zone) : codes.shown(name, value);
  }

  /** The names the task's form shows; none for a task without a form bound to its deployment. */
  private Set<String> shownBy(String processDefinitionId, String taskDefinitionKey) {
    // the person whose step created the task may not read deployments: the form is read as the suite
    return currentUser.asSystem(() -> {
      if (!(repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey)
          instanceof UserTask element) || element.getCamundaFormRef() == null
          || !"deployment".equals(element.getCamundaFormRefBinding())) {
        return Set.of();
      }
      String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
      return shownByForm.computeIfAbsent(deploymentId + "/" + element.getCamundaFormRef(),
          key -> read(deploymentId, element.getCamundaFormRef()));
    });
  }

  private Set<String> read(String deploymentId, String formId) {
    for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
      if (!resource.getName().endsWith(".form")) {
        continue;
      }
      byte[] form;
      try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource.getName())) {
        form = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the deployed form " + resource.getName(), e);
      }
      if (formId.equals(FormFields.parse(form).id())) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SHOWN.matcher(new String(form, StandardCharsets.UTF_8));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
        return names;
      }
    }
    return Set.of();
  }
}
