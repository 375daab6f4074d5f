package org.itops.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Codes and dates on task forms as people read them: a Camunda Form shows a variable as {@code {{priorityShown}}}
 * rather than {@code {{priority}}}, and whenever a task's form variables are read (Tasklist and the portal read them
 * through the engine's REST API, {@code GET /task/{id}/form-variables}, which is {@code
 * FormService.getTaskFormVariables}) this adds {@code priorityShown} to them: a code by its name in the suite's
 * language ({@link ShownCodes}), a date in the suite's zone ({@link SuiteTime}), anything else as it is. Only the
 * names the task's form shows are added, each from the variable's value at the time of the read; nothing is stored.
 *
 * <p>Computed when read rather than kept as task variables: kept, they were rows each task wrote, kept in history and
 * removed again (a third of the engine's variable rows of an incident, docs/benchmarks.md), and a copy that every
 * change of the value had to update (an SLA recalculated while the task is open) and every start had to fill in for
 * the tasks of an upgrade. An engine command interceptor, so that every way to read a task's form variables gets
 * them and no diagram needs a listener for it.
 */
@Component
public class ValuesShownOnForms extends AbstractProcessEnginePlugin {

  /** What a form writes after the variable's name to show its value as people read it. */
  static final String SUFFIX = "Shown";

  private static final Pattern SHOWN = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)" + SUFFIX + "\\s*}}");

  private final ShownCodes codes;
  private final SuiteTime time;
  /** The names each form shows, by deployment and form id: deployed forms never change. */
  private final Map<String, Set<String>> shownByForm = new ConcurrentHashMap<>();

  ValuesShownOnForms(ShownCodes codes, SuiteTime time) {
    this.codes = codes;
    this.time = time;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new AddingShownValues());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Runs within the command's context (a post interceptor), where the command's task and variables are cached. */
  private final class AddingShownValues extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
        addShownValues(Context.getCommandContext(), read.resourceId, read.formVariableNames, variables);
      }
      return result;
    }
  }

  /** Adds the values the task's form shows, all of them or those of the names asked for. */
  private void addShownValues(CommandContext context, String taskId, Collection<String> asked, VariableMap variables) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return;
    }
    Object zone = task.getVariable(SuiteTime.ZONE_VARIABLE);
    for (String name : shownBy(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
      if (asked == null || asked.contains(name + SUFFIX)) {
        variables.putValue(name + SUFFIX, shown(name, task.getVariable(name), zone));
      }
    }
  }

  /**
   * A date in the suite's zone (or the one the instance names, {@link SuiteTime#ZONE_VARIABLE}), a code by its name
   * in the suite's language, anything else as it is.
   */
  private String shown(String name, Object value, Object zone) {
    return value instanceof Date date ? time.format(date, zone) : codes.shown(name, value);
  }

  /**
   * The names the task's form shows; none for a task without a form bound to its deployment. Read from the engine's
   * caches, not through its services: the one reading the form may not read deployments.
   */
  private Set<String> shownBy(CommandContext context, String processDefinitionId, String taskDefinitionKey) {
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    if (!(cache.findBpmnModelInstanceForProcessDefinition(processDefinitionId)
        .getModelElementById(taskDefinitionKey) instanceof UserTask element) || element.getCamundaFormRef() == null
        || !"deployment".equals(element.getCamundaFormRefBinding())) {
      return Set.of();
    }
    String deploymentId = cache.findDeployedProcessDefinitionById(processDefinitionId).getDeploymentId();
    return shownByForm.computeIfAbsent(deploymentId + "/" + element.getCamundaFormRef(),
        key -> read(context, deploymentId, element.getCamundaFormRef()));
  }

  private static Set<String> read(CommandContext context, String deploymentId, String formId) {
    for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
      if (resource.getName().endsWith(".form") && formId.equals(FormFields.parse(resource.getBytes()).id())) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SHOWN.matcher(new String(resource.getBytes(), StandardCharsets.UTF_8));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
        return names;
      }
    }
    return Set.of();
  }
}
