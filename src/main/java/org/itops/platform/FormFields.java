package org.itops.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.springframework.stereotype.Component;

/**
 * The fields of a task's or a start event's Camunda Form: what a completion or a start may set. A field marked
 * read-only in the form only shows a value, so it may be sent back unchanged but not changed.
 */
@Component
public class FormFields {

  /** What the form lets a person do with a variable. */
  public enum Access { EDIT, READ_ONLY }

  /** A form's fields by variable name, and the form's id for messages. */
  public record Form(String id, Map<String, Access> fields) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService formService;
  private final CurrentUser currentUser;
  /** Deployed forms never change: a form is read once per deployment. */
  private final Map<String, Form> parsed = new ConcurrentHashMap<>();

  FormFields(FormService formService, CurrentUser currentUser) {
    this.formService = formService;
    this.currentUser = currentUser;
  }

  /** The form of the task, or empty when the task has no Camunda Form (then it may set nothing). */
  public Optional<Form> ofTask(String taskId) {
    return currentUser.asSystem(() -> read(formService.getTaskFormData(taskId),
        () -> formService.getDeployedTaskForm(taskId)));
  }

  /** The start form of the process definition, or empty when it has none (then a start may set nothing). */
  public Optional<Form> ofStart(String processDefinitionId) {
    return currentUser.asSystem(() -> read(formService.getStartFormData(processDefinitionId),
        () -> formService.getDeployedStartForm(processDefinitionId)));
  }

  private Optional<Form> read(FormData data, Supplier<InputStream> deployedForm) {
    CamundaFormRef ref = data.getCamundaFormRef();
    if (ref == null) {
      return Optional.empty();
    }
    if (!"deployment".equals(ref.getBinding())) {
      // "latest" or a version: the form may change without the diagram, so it is read every time
      return Optional.of(parse(deployedForm));
    }
    return Optional.of(parsed.computeIfAbsent(data.getDeploymentId() + "/" + ref.getKey(), key -> parse(deployedForm)));
  }

  /** The form's fields; a form that is not deployed (a wrong reference) offers none. */
  private static Form parse(Supplier<InputStream> deployedForm) {
    try (InputStream in = deployedForm.get()) {
      return parse(in.readAllBytes());
    } catch (ProcessEngineException notDeployed) {
      return new Form("(not deployed)", Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a deployed form", e);
    }
  }

  /** The fields of a form's JSON (form-js): every component with a key, in groups too. */
  public static Form parse(byte[] formJson) {
    JsonNode form;
    try {
      form = JSON.readTree(formJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("The form is not valid JSON: " + e.getMessage(), e);
    }
    Map<String, Access> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new Form(form.path("id").asText(), fields);
  }

  private static void collect(JsonNode components, Map<String, Access> fields) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !key.isBlank()) {
        boolean showsOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        fields.put(key, showsOnly ? Access.READ_ONLY : Access.EDIT);
      }
      collect(component.path("components"), fields);
    }
  }
}
