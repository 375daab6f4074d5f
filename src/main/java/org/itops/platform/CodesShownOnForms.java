package org.itops.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Codes on task forms in words: a Camunda Form shows a code as {@code {{priorityShown}}} rather than
 * {@code {{priority}}}, and when the task is created this sets the task's own variable {@code priorityShown} to the
 * code's name in the suite's language ({@link ShownCodes}); the code itself stays as it is. Only the names the task's
 * form shows are set. The task events come from the engine through Spring (the starter's eventing bridge, on by
 * default), so that no diagram needs a listener for it.
 */
@Component
class CodesShownOnForms {

  /** What a form writes after the variable's name to show its code in words. */
  static final String SUFFIX = "Shown";

  private static final Pattern SHOWN = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)" + SUFFIX + "\\s*}}");

  private final RepositoryService repositoryService;
  private final CurrentUser currentUser;
  private final ShownCodes codes;
  /** The names each form shows in words, by deployment and form id: deployed forms never change. */
  private final Map<String, Set<String>> shownByForm = new ConcurrentHashMap<>();

  CodesShownOnForms(RepositoryService repositoryService, CurrentUser currentUser, ShownCodes codes) {
    this.repositoryService = repositoryService;
    this.currentUser = currentUser;
    this.codes = codes;
  }

  @EventListener
  public void taskCreated(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    for (String name : shownBy(task)) {
      task.setVariableLocal(name + SUFFIX, codes.shown(name, task.getVariable(name)));
    }
  }

  /** The names the task's form shows in words; none for a task without a form bound to its deployment. */
  private Set<String> shownBy(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    if (element == null || element.getCamundaFormRef() == null
        || !"deployment".equals(element.getCamundaFormRefBinding())) {
      return Set.of();
    }
    // the person whose step created the task may not read deployments: the form is read as the suite
    return currentUser.asSystem(() -> {
      String deploymentId = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
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
