package org.itops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.itops.kpi.KpiService;
import org.itops.platform.AccessProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * The contract between the Java code and the diagrams, for every process: the names a feature's {@code *Process}
 * class holds (process and decision keys, element ids, message names) exist in its diagrams; every user task checks
 * what is submitted; every field a form writes is read by its process or by the code. Read from the files under
 * {@code processes/} and {@code forms/}, as Modeler writes them.
 */
class ProcessContractTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  /** A complete listener that may run before the validation: it refuses a completion by anybody but the holder. */
  private static final String PERSONAL_TASK_CHECK = "${personalTask}";

  private static final Map<String, BpmnModelInstance> modelByProcessKey = new HashMap<>();
  private static final Map<String, String> diagramByProcessKey = new HashMap<>();
  private static final List<String> decisionKeys = new ArrayList<>();
  private static final Map<String, JsonNode> formById = new HashMap<>();
  private static String mainCode;

  @BeforeAll
  static void readTheFiles() throws IOException {
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        modelByProcessKey.put(process.getId(), model);
        diagramByProcessKey.put(process.getId(), Files.readString(file));
      }
    }
    for (Path file : files(PROCESSES, ".dmn")) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
          .forEach(decision -> decisionKeys.add(decision.getId()));
    }
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = new ObjectMapper().readTree(file.toFile());
      formById.put(form.path("id").asText(), form);
    }
    StringBuilder code = new StringBuilder();
    for (Path file : files(Path.of("src", "main", "java"), ".java")) {
      code.append(Files.readString(file, StandardCharsets.UTF_8));
    }
    mainCode = code.toString();
  }

  @Test
  void theProcessClassesOfEveryFeatureAreFound() {
    assertThat(processClasses()).extracting(Class::getSimpleName)
        .contains("IncidentProcess", "ChangeProcess", "DemandProcess", "MailDeliveryProcess").hasSizeGreaterThan(8);
  }

  @Test
  void everyKeyOfAProcessClassIsADiagramsProcessOrDecision() throws Exception {
    for (Class<?> holder : processClasses()) {
      for (String key : keysOf(holder)) {
        assertThat(modelByProcessKey.containsKey(key) || decisionKeys.contains(key))
            .as(holder.getSimpleName() + " names " + key + ", which no diagram defines").isTrue();
      }
    }
  }

  @Test
  void everyElementIdOfAProcessClassIsInItsDiagrams() throws Exception {
    for (Class<?> holder : processClasses()) {
      List<BpmnModelInstance> models = modelsOf(holder);
      for (String id : constants(nested(holder, "Element"), "")) {
        assertThat(models).as(holder.getSimpleName() + ".Element names " + id + ", which is not in its diagrams")
            .anyMatch(model -> model.getModelElementById(id) != null);
      }
    }
  }

  @Test
  void everyMessageOfAProcessClassIsAMessageOfItsDiagrams() throws Exception {
    for (Class<?> holder : processClasses()) {
      List<String> messages = modelsOf(holder).stream()
          .flatMap(model -> model.getModelElementsByType(Message.class).stream()).map(Message::getName).toList();
      for (String message : constants(holder, "MESSAGE_")) {
        assertThat(messages).as(holder.getSimpleName() + " names the message " + message).contains(message);
      }
    }
  }

  @Test
  void everyUserTaskChecksWhatIsSubmittedBeforeAnythingElse() {
    modelByProcessKey.forEach((key, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        List<String> onComplete = task.getExtensionElements() == null ? List.of()
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(listener -> "complete".equals(listener.getCamundaEvent()))
                .map(CamundaTaskListener::getCamundaDelegateExpression)
                .filter(listener -> !PERSONAL_TASK_CHECK.equals(listener)).toList();
        // a refused completion must not reach the other listeners (such as the knowledge base's): the first one
        // checks and records nothing (xxxValidation), or checks everything before it records (xxxCompletion)
        assertThat(onComplete).as(key + " / " + task.getId() + ": its first complete listener validates")
            .first().asString().matches("\\$\\{\\w+(Validation|Completion)}");
      }
    });
  }

  @Test
  void everyFieldAFormWritesIsReadByItsProcessOrTheCode() {
    modelByProcessKey.forEach((key, model) -> {
      for (String formId : formRefs(model)) {
        JsonNode form = formById.get(formId);
        assertThat(form).as(key + " uses the form " + formId + ", which forms/ does not hold").isNotNull();
        for (JsonNode field : writtenFields(form.path("components"), new ArrayList<>())) {
          String name = field.path("key").asText();
          boolean inDiagram = Pattern.compile("[^\"\\w]" + Pattern.quote(name) + "\\b")
              .matcher(diagramByProcessKey.get(key)).find();
          assertThat(inDiagram || mainCode.contains("\"" + name + "\""))
              .as(key + ": the form " + formId + " writes " + name + ", which neither the diagram nor the code reads"
                  + " (a field only shown must be read-only)").isTrue();
        }
      }
    });
  }

  /** The Camunda Forms of the user tasks and start events. */
  private static List<String> formRefs(BpmnModelInstance model) {
    return Stream.concat(model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
        .filter(formRef -> formRef != null).toList();
  }

  /** The fields with a key that a person can change (not read-only, not disabled), nested ones too. */
  private static List<JsonNode> writtenFields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("key") && !component.path("readonly").asBoolean()
          && !component.path("disabled").asBoolean()) {
        fields.add(component);
      }
      writtenFields(component.path("components"), fields);
    }
    return fields;
  }

  /** Every feature's {@code XxxProcess} class: the names of its diagrams used from Java. */
  private static List<Class<?>> processClasses() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("org\\.itops\\.\\w+\\.\\w+Process")));
    List<Class<?>> classes = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.itops")) {
      try {
        Class<?> holder = Class.forName(candidate.getBeanClassName());
        if (Stream.of(holder.getDeclaredFields()).anyMatch(field -> field.getName().equals("KEY"))) {
          classes.add(holder);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return classes;
  }

  /** The process and decision keys a class names: its constants {@code KEY} and {@code XXX_KEY}. */
  private static List<String> keysOf(Class<?> holder) throws IllegalAccessException {
    List<String> keys = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && (field.getName().equals("KEY") || field.getName().endsWith("_KEY"))) {
        field.setAccessible(true);
        keys.add((String) field.get(null));
      }
    }
    return keys;
  }

  private static List<BpmnModelInstance> modelsOf(Class<?> holder) throws IllegalAccessException {
    return keysOf(holder).stream().filter(modelByProcessKey::containsKey).map(modelByProcessKey::get).toList();
  }

  @Test
  void everyChoiceAFormOffersIsExactlyWhatItsCheckAccepts() throws Exception {
    Map<String, Set<String>> accepted = acceptedChoices();
    List<String> problems = new ArrayList<>();
    formById.forEach((id, form) -> choices(form.path("components"), new TreeMap<>()).forEach((key, offered) -> {
      Set<String> code = accepted.getOrDefault(id + "/" + key, accepted.get(key));
      if (code == null) {
        problems.add(id + "/" + key + " offers " + offered + ": name in acceptedChoices() what its check accepts");
      } else if (!code.equals(offered)) {
        problems.add(id + "/" + key + " offers " + offered + ", its check accepts " + code);
      }
    }));
    assertThat(problems).isEmpty();
  }

  /**
   * What the code accepts for each choice of a form (by form and field, or by field in every form): the listener's,
   * the record's or the service's check, the configured groups, a decision table's categories. A form that offers
   * more is refused at submission; one that offers less hides a choice the API takes.
   */
  private static Map<String, Set<String>> acceptedChoices() throws Exception {
    Set<String> staff = staffGroups();
    Set<String> categories = new TreeSet<>();
    Dmn.readModelFromFile(PROCESSES.resolve("incident/incident-assignment.dmn").toFile())
        .getModelElementsByType(InputEntry.class).forEach(entry -> categories.add(entry.getTextContent()
            .replace("\"", "").strip()));
    String catalog = "org.itops.catalog.";
    String change = "org.itops.change.";
    String demand = "org.itops.demand.";
    String improvement = "org.itops.improvement.";
    String incident = "org.itops.incident.";
    String security = "org.itops.securityops.";
    Map<String, Set<String>> accepted = new HashMap<>();
    accepted.put("tier", choices(catalog + "ServiceLevel", "TIERS"));
    accepted.put("hours", choices(catalog + "ServiceLevel", "HOURS"));
    accepted.put("dayKind", choices("org.itops.calendar.ApplyCalendarChangeDelegate", "DAY_KINDS"));
    accepted.put("slaDecision", choices(catalog + "OnboardingTaskValidation", "SLA_DECISIONS"));
    accepted.put("reviewOutcome", choices(catalog + "OnboardingTaskValidation", "REVIEW_OUTCOMES"));
    accepted.put("ownersApproval", choices(catalog + "OnboardingTaskValidation", "APPROVALS"));
    accepted.put("managerApproval", choices(catalog + "OnboardingTaskValidation", "APPROVALS"));
    accepted.put("supportGroup", staff);
    accepted.put("changeType", choices(change + "ChangeRequest", "TYPES"));
    accepted.put("raise-change/impact", choices(change + "ChangeRequest", "LEVELS"));
    accepted.put("request-fix-change/impact", choices("org.itops.problem.ProblemTaskCompletion", "IMPACTS"));
    accepted.put("review-change/decision", choices(change + "ChangeTaskCompletion", "REVIEW_DECISIONS"));
    accepted.put("decide-change/decision", choices(change + "ChangeTaskCompletion", "APPROVALS"));
    accepted.put("changeManagerDecision", choices(change + "ChangeTaskCompletion", "APPROVALS"));
    accepted.put("itManagerDecision", choices(change + "ChangeTaskCompletion", "APPROVALS"));
    accepted.put("vote", choices(change + "ChangeTaskCompletion", "APPROVALS"));
    accepted.put("verification", choices(change + "ChangeTaskCompletion", "VERIFICATIONS"));
    accepted.put("scheduleDecision", choices(change + "ChangeTaskCompletion", "SCHEDULE_DECISIONS"));
    accepted.put("costBand", choices(demand + "DemandRequest", "COST_BANDS"));
    accepted.put("risk", choices(demand + "DemandTaskCompletion", "LEVELS"));
    accepted.put("feasibility", choices(demand + "DemandTaskCompletion", "FEASIBILITY"));
    accepted.put("analysisOutcome", choices(demand + "DemandTaskCompletion", "ANALYSIS_OUTCOMES"));
    accepted.put("approval", choices(demand + "DemandTaskCompletion", "DEMAND_APPROVALS"));
    accepted.put("changeApproval", choices(demand + "DemandTaskCompletion", "APPROVALS"));
    accepted.put("budgetDecision", choices(demand + "DemandTaskCompletion", "APPROVALS"));
    accepted.put("revision", choices(demand + "DemandTaskCompletion", "REVISIONS"));
    accepted.put("escalationDecision", choices(demand + "DemandTaskCompletion", "ESCALATION_DECISIONS"));
    accepted.put("rating", choices(demand + "DemandTaskCompletion", "RATINGS"));
    accepted.put("ownerGroup", staff);
    accepted.put("approve-improvement/decision", choices(improvement + "ImprovementTaskCompletion", "APPROVALS"));
    accepted.put("checkDecision", choices(improvement + "ImprovementTaskCompletion", "CHECK_DECISIONS"));
    accepted.put("value", choices(improvement + "ImprovementTaskCompletion", "LEVELS"));
    accepted.put("effort", choices(improvement + "ImprovementTaskCompletion", "LEVELS"));
    accepted.put("targetKpi", new TreeSet<>(KpiService.TARGETS.keySet()));
    accepted.put("category", categories);
    accepted.put("register-incident/impact", choices(incident + "IncidentReport", "LEVELS"));
    accepted.put("urgency", choices(incident + "IncidentReport", "LEVELS"));
    accepted.put("priority", choices(incident + "IncidentTaskValidation", "PRIORITIES"));
    accepted.put("assignedGroup", staff);
    accepted.put("newGroup", staff);
    accepted.put("outcome", choices(incident + "IncidentTaskValidation", "OUTCOMES"));
    accepted.put("resolutionCode", choices(incident + "IncidentTaskValidation", "RESOLUTION_CODES"));
    accepted.put("confirmation", choices(incident + "IncidentTaskValidation", "CONFIRMATIONS"));
    accepted.put("review-article/decision", new TreeSet<>(constants(Class.forName(
        "org.itops.knowledge.KnowledgeProcess"), "").stream().filter(Set.of("approve", "back")::contains).toList()));
    accepted.put("severity", choices(security + "SecurityIncidentProcess", "SEVERITIES"));
    // "none" is what a report without personal data holds; triage that finds personal data names which
    Set<String> dataCategories = choices(security + "SecurityIncidentProcess", "DATA_CATEGORIES");
    dataCategories.remove("none");
    accepted.put("dataCategory", dataCategories);
    return accepted;
  }

  /** The values of a static collection (or map's keys) of a feature's class, as text. */
  private static Set<String> choices(String className, String constant) throws Exception {
    Field field = Class.forName(className).getDeclaredField(constant);
    field.setAccessible(true);
    Object value = field.get(null);
    Collection<?> values = value instanceof Map<?, ?> map ? map.keySet() : (Collection<?>) value;
    return values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The suite's staff groups as configured in application.yaml ({@code itops.access.groups}). */
  @SuppressWarnings("unchecked")
  private static Set<String> staffGroups() throws IOException {
    try (var yaml = Files.newInputStream(Path.of("src", "main", "resources", "application.yaml"))) {
      Map<String, Object> root = new org.yaml.snakeyaml.Yaml().load(yaml);
      Map<String, Object> access = (Map<String, Object>) ((Map<String, Object>) root.get("itops")).get("access");
      return new AccessProperties((Map<String, String>) access.get("groups"), List.of(), Map.of()).staffGroups();
    }
  }

  /** The choices of the form's components (selects, radios, checklists, tag lists with fixed values), by key. */
  private static Map<String, Set<String>> choices(JsonNode components, Map<String, Set<String>> found) {
    for (JsonNode component : components) {
      if (component.path("values").isArray() && component.path("values").size() > 0) {
        Set<String> values = new TreeSet<>();
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
        found.put(component.path("key").asText(), values);
      }
      choices(component.path("components"), found);
    }
    return found;
  }

  private static Class<?> nested(Class<?> holder, String name) {
    return Stream.of(holder.getDeclaredClasses()).filter(nested -> nested.getSimpleName().equals(name)).findFirst()
        .orElse(null);
  }

  /** The String constants of a class whose names start with the prefix; none for no class. */
  private static List<String> constants(Class<?> holder, String prefix) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    if (holder == null) {
      return values;
    }
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && field.getName().startsWith(prefix)) {
        field.setAccessible(true);
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
