package org.itops.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.itops.platform.FormFields.Access;
import org.itops.platform.FormFields.Form;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request to the engine's REST API may change: the API of Camunda Modeler and scripts at
 * {@code /engine-rest}, and the one Tasklist, Cockpit and Admin use at {@code /camunda/api/engine}. The engine's
 * authorizations decide who may touch which task or process; this filter decides what a request may carry, so
 * that the rules of the processes cannot be steered from a client:
 *
 * <ul>
 *   <li>a task completion sets only the fields of the task's Camunda Form (a read-only field only unchanged), and a
 *       start only the fields of the start form, with no business key, start instructions or skipped listeners;
 *   <li>every variable is one of the plain types a form sends, and no larger than the limit;
 *   <li>besides, a user reads, queries, and does the work of a task (claim, assign, comment, complete) and may
 *       change nothing else: variables of tasks and processes only through the forms; messages, signals,
 *       modifications, jobs and the identity only through the suite's own steps.
 * </ul>
 *
 * Administrators ({@code camunda-admin}) are not held to this: Cockpit's repairs (setting a variable, moving a
 * token, retrying a job) are theirs, and with them they could set anything a form leaves out. Whom a task belongs
 * to holds for them too ({@link PersonalTask}), and deployments are checked by the engine itself for everybody
 * ({@link DeploymentGuard}), whichever way they arrive.
 */
class EngineApiGuard extends OncePerRequestFilter {

  /** The mount points of the engine API; the webapps' names the engine next. */
  private static final Pattern MOUNT = Pattern.compile("^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");

  private static final Pattern TASK_SUBMIT = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)");
  private static final Pattern START =
      Pattern.compile("/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)");
  private static final Pattern VARIABLES = Pattern.compile(
      "/(task|execution|process-instance|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?"
          + "|/process-instance/variables-async");

  /** Changes that every user with the engine's permission may make; all other writes are for administrators. */
  private static final List<Pattern> WORK_OF_EVERYONE = List.of(
      // queries sent as POST
      Pattern.compile("/(task|process-instance|execution|variable-instance|job|job-definition|external-task|group"
          + "|case-instance|case-execution)(/count)?"),
      Pattern.compile("/history/(activity-instance|process-instance|task|variable-instance|detail|incident|job-log"
          + "|identity-link-log|decision-instance|external-task-log|case-instance|case-activity-instance)(/count)?"),
      Pattern.compile("/decision-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/evaluate"),
      // Tasklist: personal filters, the work on a task, comments
      Pattern.compile("/filter/create|/filter/[^/]+|/filter/[^/]+/(list|count|singleResult)"),
      Pattern.compile("/task/[^/]+|/task/[^/]+/(claim|unclaim|assignee|delegate|identity-links|identity-links/delete"
          + "|comment|comment/create)"),
      // Admin: one's own profile and password (the engine lets a user change only their own)
      Pattern.compile("/user/[^/]+/(profile|credentials)"),
      // Camunda Modeler; the engine checks the deployment's content (DeploymentGuard) and the permission
      Pattern.compile("/deployment/create"));

  /** The types of values a Camunda Form submits; objects, files and bytes would be other ways in. */
  private static final Set<String> FORM_VALUE_TYPES =
      Set.of("String", "Boolean", "Integer", "Long", "Short", "Double", "Date", "Null", "Json");

  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final CurrentUser currentUser;
  private final FormFields formFields;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final int maxVariableBytes;
  private final ApiErrors apiErrors;

  EngineApiGuard(CurrentUser currentUser, FormFields formFields, TaskService taskService,
      RepositoryService repositoryService, int maxVariableBytes, ApiErrors apiErrors) {
    this.currentUser = currentUser;
    this.formFields = formFields;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.maxVariableBytes = maxVariableBytes;
    this.apiErrors = apiErrors;
  }

  /** The path below the mount point of the engine API (e.g. {@code /task/42/complete}), or null for other paths. */
  static String enginePath(HttpServletRequest request) {
    // servlet path and path info are decoded and without path parameters: what JAX-RS matches on
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher mount = MOUNT.matcher(path.replaceAll("/{2,}", "/"));
    if (!mount.matches()) {
      return null;
    }
    String below = mount.group(3) == null ? "/" : mount.group(3);
    return below.length() > 1 && below.endsWith("/") ? below.substring(0, below.length() - 1) : below;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || enginePath(request) == null
        || currentUser.isAdministrator();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request);
    Matcher taskSubmit = TASK_SUBMIT.matcher(path);
    Matcher start = START.matcher(path);
    if (taskSubmit.matches() || start.matches()) {
      byte[] body = request.getInputStream().readAllBytes();
      List<FieldError> errors;
      try {
        ObjectNode json = body.length == 0 ? JSON.createObjectNode() : asObject(JSON.readTree(body));
        errors = taskSubmit.matches() ? taskSubmitErrors(taskSubmit.group(1), json)
            : startErrors(start.group(3), start.group(1), start.group(2), json);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        errors = List.of(new FieldError("body", "reason.notAJsonObject", e.getMessage().lines().findFirst()
            .orElse("")));
      }
      if (!errors.isEmpty()) {
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, null, errors);
        return;
      }
      chain.doFilter(new BufferedRequest(request, body), response);
    } else if (VARIABLES.matcher(path).matches()) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "engine.variablesByForms",
          List.of(new FieldError("variables", "engine.variablesByForms")));
    } else if (WORK_OF_EVERYONE.stream().anyMatch(allowed -> allowed.matcher(path).matches())) {
      chain.doFilter(request, response);
    } else {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "engine.forAdministrators", List.of(),
          request.getMethod() + " " + path);
    }
  }

  private List<FieldError> taskSubmitErrors(String taskId, ObjectNode body) {
    // as the caller: a task the caller may not see is left to the engine, which answers 404 or 403
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return List.of();
    }
    Optional<Form> form = formFields.ofTask(taskId);
    return variableErrors(body.path("variables"), form, "engine.ofTask", task.getName(),
        name -> currentUser.asSystem(() -> taskService.getVariable(taskId, name)));
  }

  private List<FieldError> startErrors(String definitionId, String key, String tenantId, ObjectNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (!body.path("businessKey").asText("").isEmpty()) {
      errors.add(new FieldError("businessKey", "engine.businessKey"));
    }
    if (!body.path("caseInstanceId").isMissingNode() && !body.path("caseInstanceId").isNull()) {
      errors.add(new FieldError("caseInstanceId", "engine.caseInstanceId"));
    }
    if (body.path("startInstructions").size() > 0) {
      errors.add(new FieldError("startInstructions", "engine.startInstructions"));
    }
    for (String skip : List.of("skipCustomListeners", "skipIoMappings")) {
      if (body.path(skip).asBoolean(false)) {
        errors.add(new FieldError(skip, "engine.skip"));
      }
    }
    ProcessDefinition definition = currentUser.asSystem(() -> definition(definitionId, key, tenantId));
    if (definition == null) {
      return errors;
    }
    Optional<Form> form = formFields.ofStart(definition.getId());
    errors.addAll(variableErrors(body.path("variables"), form, "engine.ofStart", definition.getName(),
        name -> null));
    return errors;
  }

  private ProcessDefinition definition(String definitionId, String key, String tenantId) {
    ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery();
    if (definitionId != null) {
      return query.processDefinitionId(definitionId).singleResult();
    }
    query = query.processDefinitionKey(key).latestVersion();
    return (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
  }

  /** Each variable must be a field of the form, a read-only one unchanged, of a form's type and not too large. */
  private List<FieldError> variableErrors(JsonNode variables, Optional<Form> form, String ofWhatKey, String ofWhat,
      java.util.function.Function<String, Object> current) {
    List<FieldError> errors = new ArrayList<>();
    if (variables.isMissingNode() || variables.isNull()) {
      return errors;
    }
    if (!variables.isObject()) {
      errors.add(new FieldError("variables", "engine.variablesObject"));
      return errors;
    }
    Map<String, Access> fields = form.map(Form::fields).orElse(Map.of());
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String name = variable.getKey();
      JsonNode value = variable.getValue().path("value");
      String type = variable.getValue().path("type").asText(null);
      Access access = fields.get(name);
      if (access == null) {
        errors.add(form.isPresent() ? new FieldError(name, ofWhatKey + ".notAField", form.get().id(), ofWhat)
            : new FieldError(name, ofWhatKey + ".noForm", ofWhat));
      } else if (access == Access.READ_ONLY && !sameValue(value, current.apply(name))) {
        errors.add(new FieldError(name, "engine.readOnly", form.get().id()));
      } else if (type != null && !FORM_VALUE_TYPES.contains(type)) {
        errors.add(new FieldError(name, "engine.type", type, FORM_VALUE_TYPES));
      } else if (value.toString().length() > maxVariableBytes) {
        errors.add(new FieldError(name, "api.tooLarge.reason", maxVariableBytes));
      }
    }
    return errors;
  }

  /** A read-only field sent back as the form showed it: the same text, or empty for a variable that is not set. */
  private static boolean sameValue(JsonNode sent, Object current) {
    String sentText = sent.isMissingNode() || sent.isNull() ? "" : sent.isValueNode() ? sent.asText() : sent.toString();
    if (current == null) {
      return sentText.isEmpty();
    }
    String currentText = current instanceof Date date ? date.toInstant().toString() : String.valueOf(current);
    return sentText.equals(currentText);
  }

  private static ObjectNode asObject(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("expected an object");
    }
    return object;
  }

  /**
   * Answers as the engine API answers a refusal ({@code type} and {@code message}), with the refused fields, in the
   * request's language; without a message key the message lists the fields and their reasons as the exception's.
   */
  private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
      List<FieldError> errors, Object... arguments) throws IOException {
    Locale language = apiErrors.language(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException");
    body.put("message", messageKey == null ? new InvalidRequestException(errors).getMessage()
        : apiErrors.text(messageKey, language, arguments));
    body.put("errors", apiErrors.fields(errors, language));
    ApiErrors.write(response, status, body);
  }
}
